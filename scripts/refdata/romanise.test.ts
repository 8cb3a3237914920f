// Rules of romanise.ts on hand-picked names; the override tables are checked on real place names.
import { describe, expect, it } from 'vitest';
import { romanisePlace, romaniseRegion, stripEthnicGroups } from './romanise';
import { EXONYMS, FULL_NAMES, READINGS } from './romanise-overrides';

describe('romanisePlace', () => {
  it('joins the syllables, capitalises the first and puts an apostrophe before a, o, e', () => {
    expect(romanisePlace('武汉')).toBe('Wuhan');
    expect(romanisePlace('西安')).toBe("Xi'an");
    expect(romanisePlace('江岸')).toBe("Jiang'an");
    expect(romanisePlace('东阿')).toBe("Dong'e");
    expect(romanisePlace('瓯海')).toBe('Ouhai');
    expect(romanisePlace('吕梁')).toBe('Lüliang');
  });

  it('reads polyphonic characters as in the place name', () => {
    const cases: Record<string, string> = {
      长沙: 'Changsha',
      长子: 'Zhangzi',
      厦门: 'Xiamen',
      六安: "Lu'an",
      六合: 'Luhe',
      六盘水: 'Liupanshui',
      丽水: 'Lishui',
      蚌埠: 'Bengbu',
      番禺: 'Panyu',
      乐清: 'Yueqing',
      乐亭: 'Laoting',
      乐山: 'Leshan',
      铅山: 'Yanshan',
      大足: 'Dazu',
      朝阳: 'Chaoyang',
      单: 'Shan',
      蔚: 'Yu',
      洪洞: 'Hongtong',
      荥阳: 'Xingyang',
      荥经: 'Yingjing',
      尉犁: 'Yuli',
      尉氏: 'Weishi',
      成都: 'Chengdu',
      宁都: 'Ningdu',
      什邡: 'Shifang',
      穆棱: 'Muling',
    };
    for (const [zh, en] of Object.entries(cases)) expect(romanisePlace(zh), zh).toBe(en);
  });

  it('uses standard English forms of non-Chinese names', () => {
    expect(romanisePlace('呼和浩特')).toBe('Hohhot');
    expect(romanisePlace('乌鲁木齐')).toBe('Urumqi');
    expect(romanisePlace('拉萨')).toBe('Lhasa');
  });

  it('fails on characters pinyin-pro cannot read', () => {
    expect(() => romanisePlace('A区')).toThrow(/cannot romanise/);
  });
});

describe('romaniseRegion', () => {
  it('drops 市 of a prefecture-level city and translates every other generic', () => {
    const cases: [string, 'city' | 'county', string][] = [
      ['武汉市', 'city', 'Wuhan'],
      ['仙桃市', 'county', 'Xiantao City'],
      ['江岸区', 'county', "Jiang'an District"],
      ['长沙县', 'county', 'Changsha County'],
      ['大兴安岭地区', 'city', "Daxing'anling Prefecture"],
      ['锡林郭勒盟', 'city', 'Xilingol League'],
      ['六枝特区', 'county', 'Liuzhi Special District'],
      ['峰峰矿区', 'county', 'Fengfeng Mining District'],
      ['矿区', 'county', 'Kuang District'],
      ['神农架林区', 'county', 'Shennongjia Forestry District'],
      ['浦东新区', 'county', 'Pudong New Area'],
    ];
    for (const [zh, level, en] of cases) expect(romaniseRegion(zh, level), zh).toBe(en);
  });

  it('keeps the place of an autonomous area and drops its ethnic groups', () => {
    expect(romaniseRegion('恩施土家族苗族自治州', 'city')).toBe('Enshi Autonomous Prefecture');
    expect(romaniseRegion('伊犁哈萨克自治州', 'city')).toBe('Ili Autonomous Prefecture');
    expect(romaniseRegion('积石山保安族东乡族撒拉族自治县', 'county')).toBe('Jishishan Autonomous County');
    expect(romaniseRegion('东乡族自治县', 'county')).toBe('Dongxiang Autonomous County');
    expect(romaniseRegion('鄂温克族自治旗', 'county')).toBe('Evenk Autonomous Banner');
    expect(romaniseRegion('瀍河回族区', 'county')).toBe('Chanhe District');
  });

  it('translates the parts of Inner Mongolian banner names', () => {
    expect(romaniseRegion('科尔沁左翼中旗', 'county')).toBe('Horqin Left Wing Middle Banner');
    expect(romaniseRegion('鄂托克前旗', 'county')).toBe('Otog Front Banner');
    expect(romaniseRegion('达尔罕茂明安联合旗', 'county')).toBe('Darhan Muminggan United Banner');
    expect(romaniseRegion('四子王旗', 'county')).toBe('Siziwang Banner');
  });

  it('names a development zone after its city, without the province', () => {
    const hebei = { province: '河北省', city: '唐山市' };
    expect(romaniseRegion('河北唐山芦台经济开发区', 'county', hebei)).toBe('Tangshan Lutai Economic Development Zone');
    expect(romaniseRegion('唐山市汉沽管理区', 'county', hebei)).toBe('Tangshan Hangu Management Area');
    expect(romaniseRegion('吉林经济开发区', 'county', { province: '吉林省', city: '吉林市' })).toBe(
      'Jilin Economic Development Zone',
    );
    expect(romaniseRegion('吉林松原经济开发区', 'county', { province: '吉林省', city: '松原市' })).toBe(
      'Songyuan Economic Development Zone',
    );
    expect(romaniseRegion('苏州工业园区', 'county', { province: '江苏省', city: '苏州市' })).toBe(
      'Suzhou Industrial Park',
    );
  });

  it('fails on a name without a known generic', () => {
    expect(() => romaniseRegion('武汉', 'city')).toThrow(/no administrative generic/);
    expect(() => romaniseRegion('唐山保税区', 'county', { province: '河北省', city: '唐山市' })).toThrow(
      /no zone generic/,
    );
  });
});

describe('stripEthnicGroups', () => {
  it('strips bare group names only in autonomous names', () => {
    expect(stripEthnicGroups('博尔塔拉蒙古', true)).toBe('博尔塔拉');
    expect(stripEthnicGroups('博尔塔拉蒙古', false)).toBe('博尔塔拉蒙古');
    expect(stripEthnicGroups('大通回族土族', true)).toBe('大通');
  });
});

describe('override tables', () => {
  it('give one syllable per character and well-formed English', () => {
    for (const [zh, syllables] of Object.entries(READINGS)) expect(syllables.split(' '), zh).toHaveLength(zh.length);
    for (const en of [...Object.values(EXONYMS), ...Object.values(FULL_NAMES)]) {
      expect(en).toMatch(/^[A-Z][A-Za-z' -]+$/);
    }
  });
});
