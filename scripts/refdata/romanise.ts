// English names for cities and counties: the proper name in Hanyu Pinyin (pinyin-pro, no tone
// marks, syllables joined, an apostrophe before a/o/e: Xi'an, Jiang'an) plus the administrative
// generic in English (区 → District). pinyin-pro reads words, not place names, so the tables in
// romanise-overrides.ts fix polyphonic characters and give well-known non-Chinese names their
// standard English form. The rules are summed up in shared/refdata/README.md.
import { pinyin } from 'pinyin-pro';
import type { RegionLevel } from '@shared/regions';
import { CHAR_READINGS, EXONYMS, FULL_NAMES, READINGS } from './romanise-overrides';

/** Generic → English, longest first. County-level 市 is "City"; a prefecture-level city drops it. */
const GENERICS: [string, string][] = [
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['矿区', 'Mining District'],
  ['特区', 'Special District'],
  ['地区', 'Prefecture'],
  ['区', 'District'],
  ['县', 'County'],
  ['旗', 'Banner'],
  ['盟', 'League'],
  ['市', 'City'],
];

/** Development zones and other areas with codes xxxx7x: generic → English, longest first. */
const ZONE_GENERICS: [string, string][] = [
  ['城乡一体化示范区', 'Urban-Rural Integration Demonstration Zone'],
  ['高新技术产业开发区', 'Hi-tech Industrial Development Zone'],
  ['经济技术开发区', 'Economic and Technological Development Zone'],
  ['高新技术产业园区', 'Hi-tech Industrial Park'],
  ['高新技术开发区', 'Hi-tech Development Zone'],
  ['管理区管委会', 'Management Area'],
  ['现代产业园区', 'Modern Industrial Park'],
  ['经济开发区', 'Economic Development Zone'],
  ['工业园区', 'Industrial Park'],
  ['风景名胜区', 'Scenic Area'],
  ['开发区', 'Development Zone'],
  ['管理区', 'Management Area'],
  ['示范区', 'Demonstration Zone'],
  ['新区', 'New Area'],
  ['新城', 'New Town'],
];

/** Ethnic groups named in region names (恩施土家族苗族自治州, 瀍河回族区), written with 族. */
const ETHNIC_GROUPS = [
  ...['满', '蒙古', '回', '达斡尔', '鄂温克', '鄂伦春', '朝鲜', '畲', '土家', '苗', '瑶', '侗', '壮', '各', '仫佬'],
  ...['毛南', '黎', '羌', '彝', '藏', '仡佬', '布依', '水', '傣', '哈尼', '纳西', '拉祜', '佤', '布朗', '景颇'],
  ...['傈僳', '独龙', '怒', '白', '普米', '裕固', '哈萨克', '东乡', '保安', '撒拉', '土', '柯尔克孜', '塔吉克'],
  '锡伯',
];
/** Without 族 only these are written so (博尔塔拉蒙古自治州, 伊犁哈萨克自治州); the rest need 族. */
const BARE_ETHNIC = new Set(['蒙古', '哈萨克', '柯尔克孜', '塔吉克', '锡伯', '鄂伦春']);

/** Inner Mongolian banners: 科尔沁右翼前旗 → Horqin Right Wing Front Banner. */
const BANNER_PARTS: [string, string][] = [
  ['左翼', 'Left Wing'],
  ['右翼', 'Right Wing'],
  ['联合', 'United'],
  ['前', 'Front'],
  ['中', 'Middle'],
  ['后', 'Rear'],
  ['左', 'Left'],
  ['右', 'Right'],
];

/** Pinyin of a proper name as one word: 江岸 → Jiang'an, 绿春 → Lüchun. */
export function romanisePlace(place: string): string {
  if (EXONYMS[place]) return EXONYMS[place];
  const syllables =
    READINGS[place]?.split(' ') ??
    pinyin(place, { toneType: 'none', type: 'array' }).map((s, i) => CHAR_READINGS[place[i]] ?? s);
  if (syllables.length !== place.length || syllables.some((s) => !/^[a-zü]+$/.test(s))) {
    throw new Error(`cannot romanise ${place}: ${syllables.join(' ')}`);
  }
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return word[0].toUpperCase() + word.slice(1);
}

/** Context for development zones, whose names start with their province and city: 河北唐山芦台经济开发区. */
export interface ZoneContext {
  /** Chinese names of the province and, when there is one, the parent city */
  province: string;
  city?: string;
}

/** English name of a city or county (provinces have hand-written names in provinces.ts). */
export function romaniseRegion(name: string, level: RegionLevel, zone?: ZoneContext): string {
  if (FULL_NAMES[name]) return FULL_NAMES[name];
  if (zone) return romaniseZone(name, zone);
  const generic = GENERICS.find(([zh]) => name.endsWith(zh) && name.length > zh.length);
  if (!generic) throw new Error(`no administrative generic in ${name}`);
  let place = name.slice(0, -generic[0].length);
  let english = level === 'city' && generic[0] === '市' ? '' : generic[1];
  place = stripEthnicGroups(place, generic[0].startsWith('自治'));
  if (generic[0] === '旗') {
    const parts: string[] = [];
    for (let part = bannerPart(place); part; part = bannerPart(place)) {
      parts.unshift(part[1]);
      place = place.slice(0, -part[0].length);
    }
    english = [...parts, english].join(' ');
  }
  return [romanisePlace(place), english].filter(Boolean).join(' ');
}

function bannerPart(place: string): [string, string] | undefined {
  return BANNER_PARTS.find(([zh]) => place.endsWith(zh) && place.length > zh.length);
}

/**
 * 恩施土家族苗族 → 恩施, 瀍河回族 → 瀍河; a name that is only an ethnic group keeps it: 东乡族 → 东乡.
 * `autonomous`: the name ends in 自治…, where 蒙古, 哈萨克, … also appear without 族.
 */
export function stripEthnicGroups(place: string, autonomous: boolean): string {
  const groups = ETHNIC_GROUPS.map((g) => `${g}族`).concat(autonomous ? [...BARE_ETHNIC] : []);
  let rest = place;
  for (;;) {
    const group = groups.find((g) => rest.endsWith(g) && rest.length > g.length);
    if (!group) break;
    rest = rest.slice(0, -group.length);
  }
  return rest === place && autonomous ? place.replace(/族$/, '') : rest;
}

/** 河北唐山芦台经济开发区 → Tangshan Lutai Economic Development Zone (the province is left out). */
function romaniseZone(name: string, zone: ZoneContext): string {
  const generic = ZONE_GENERICS.find(([zh]) => name.endsWith(zh));
  if (!generic) throw new Error(`no zone generic in ${name}`);
  let rest = name.slice(0, -generic[0].length);
  const province = properName(zone.province);
  const city = zone.city ? properName(zone.city) : undefined;
  if (city && rest.startsWith(province) && rest.slice(province.length).startsWith(city)) {
    rest = rest.slice(province.length);
  }
  const words: string[] = [];
  if (city && rest.startsWith(city)) {
    words.push(romanisePlace(city));
    rest = rest.slice(city.length).replace(/^市/, '');
  }
  if (rest) words.push(romanisePlace(rest));
  return [...words, generic[1]].join(' ');
}

/** 河北省 → 河北, 内蒙古自治区 → 内蒙古, 阿拉善盟 → 阿拉善, 唐山市 → 唐山. */
function properName(name: string): string {
  return name.replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|省|市|盟|地区)$/, '');
}
