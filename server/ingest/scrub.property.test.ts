// Property: personal data of every kind the scrubber knows, written the ways people write it (ASCII or
// full-width, with separators and prefixes, after a label or not), set inside Chinese complaint text,
// comes out as exactly its token, and every character around it comes out unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrubPersonalData } from './scrub';
import { COMMON_SURNAMES } from './scrub-names';

/** A piece of personal data with the words written before and after it, which must survive. */
interface Datum {
  lead: string;
  raw: string;
  trail: string;
  token: string;
}

// Complaint text, with the words a naive pattern eats: 名, 号, 电话, 消费者, 联系, 卡...
const FRAGMENTS = [
  '消费者反映商品质量问题',
  '订单号显示已发货但未收到',
  '商品名称与宣传不符',
  '客服电话无人接听',
  '型号与订单不一致',
  '商家拒绝退还预付卡余额',
  '会员名下积分被清零',
  '报名后培训机构失联',
  '电话费被多扣',
  '号码被泄露后频繁接到推销电话',
  '名牌包疑似假货',
  '多次联系售后均无人处理',
  '价格1299元，实付3999.00元',
  '于2026-03-15购买',
  '拨打12315投诉',
  '账号被盗后',
  '姓名栏被商家填错',
  '要求赔偿，',
  '。',
];
const TRAILS = ['', '，', '。', ' 请回电', '请尽快处理', '；'];

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const pick = <T>(...values: T[]) => fc.constantFrom(...values);

/** Half-width ASCII as full-width (１３８, ＋８６, ＠), the space as the ideographic space. */
function fullWidth(text: string): string {
  return text.replace(/[!-~ ]/g, (c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
}

function grouped(number: string, sizes: number[], separator: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) parts.push(number.slice(at, (at += size)));
  if (at < number.length) parts.push(number.slice(at));
  return parts.join(separator);
}

const separator = pick('', ' ', '-');
const width = fc.boolean();
const numberLead = pick('', '联系电话', '手机', '电话：', '，', ' ');

const mobile = fc
  .tuple(
    pick('3', '5', '7', '8', '9'),
    digits(9),
    pick('', '+86 ', '+86-', '+86', '0086 ', '0086', '86 ', '86'),
    separator,
    pick([3, 4], [3, 8]),
  )
  .map(([second, rest, prefix, sep, sizes]) => `${prefix}${grouped(`1${second}${rest}`, sizes, sep)}`);

const landline = fc
  .oneof(
    fc.tuple(pick('10', '20', '21', '25', '28'), digits(8)),
    fc.tuple(
      fc.tuple(pick('3', '5', '7', '9'), digits(2)).map(([a, b]) => a + b),
      fc.oneof(digits(7), digits(8)),
    ),
  )
  .chain(([area, local]) =>
    pick(
      `0${area}${local}`,
      `0${area}-${local}`,
      `0${area} ${local}`,
      `(0${area})${local}`,
      `+86 ${area} ${local}`,
      `0${area}-${local}-806`,
      `0${area}-${local} 转 12`,
    ),
  );

const PROVINCES = ['11', '31', '42', '44', '51', '65', '81'];
const birth = fc
  .tuple(fc.integer({ min: 1930, max: 2008 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`);

function idCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += weights[i] * Number(first17[i]);
  return '10X98765432'[sum % 11];
}

const id18 = fc
  .tuple(pick(...PROVINCES), digits(4), birth, digits(3), pick('', ' ', '-'), fc.boolean())
  .map(([province, area, date, seq, sep, lower]) => {
    const first17 = `${province}${area}${date}${seq}`;
    const check = idCheck(first17);
    const id = `${first17}${lower ? check.toLowerCase() : check}`;
    return sep ? `${id.slice(0, 6)}${sep}${id.slice(6, 14)}${sep}${id.slice(14)}` : id;
  });
const id15 = fc
  .tuple(pick(...PROVINCES), digits(4), birth, digits(3))
  .map(([p, a, d, s]) => `${p}${a}${d.slice(2)}${s}`);

function luhnCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

const card = fc
  .tuple(pick('62', '45', '52'), fc.integer({ min: 16, max: 19 }), digits(17), separator)
  .map(([iin, length, rest, sep]) => {
    // a 5 where an ID number's birth year begins: no 18-digit card is also a valid ID number
    const body = `${iin}${rest.slice(0, 4)}5${rest.slice(5)}`.slice(0, length - 1);
    return grouped(`${body}${luhnCheck(body)}`, [4, 4, 4, 4], sep);
  });

const email = fc
  .tuple(
    pick('zhang.san', 'li_si2026', 'wangwu', 'c.l+shop'),
    pick('example.com', 'mail.example.com.cn', 'qq.com', '163.com'),
  )
  .map(([local, domain]) => `${local}@${domain}`);

function numberDatum(raw: fc.Arbitrary<string>, token: string, lead = numberLead): fc.Arbitrary<Datum> {
  return fc
    .tuple(lead, raw, width, pick(...TRAILS))
    .map(([l, r, wide, trail]) => ({ lead: l, raw: wide ? fullWidth(r) : r, trail, token }));
}

// Names: a label (kept) and a name ending where names end. Given-name characters are never words
// that end a name (称, 在...). Without a colon only the surnames that are not also everyday words.
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞三四五建国文';
const PLAIN_SURNAMES = COMMON_SURNAMES.replace(/[于高方向万常金石白马江程任史严武龙田]/g, '');
const surname = (all: boolean) =>
  fc.oneof(pick(...(all ? COMMON_SURNAMES : PLAIN_SURNAMES)), pick('欧阳', '司马', '诸葛', '上官'));
const given = fc.array(pick(...GIVEN), { minLength: 1, maxLength: 2 }).map((c) => c.join(''));
const labelledName = fc
  .oneof(
    fc.tuple(pick('姓名：', '联系人：', '投诉人:', '消费者：', '收货人： '), surname(true), given),
    fc.tuple(pick('联系人 ', '投诉人', '举报人', '我叫', '消费者', '名叫'), surname(false), given),
  )
  .chain(([lead, family, name]) =>
    pick('，', '。', '反映', '称', '来电', ' ', '表示').map((trail): Datum => ({
      lead,
      raw: family + name,
      trail,
      token: '[姓名]',
    })),
  );
const titledName = fc
  .tuple(surname(true), pick('先生', '女士', '小姐'), pick('来电', '反映', '，', '称'))
  .map(([family, title, after]): Datum => ({ lead: '', raw: family, trail: title + after, token: '某' }));

const datum = fc.oneof(
  numberDatum(mobile, '[手机号]'),
  numberDatum(landline, '[电话]'),
  numberDatum(id18, '[身份证号]', pick('', '身份证号', '身份证：', '证件号 ')),
  numberDatum(id15, '[身份证号]', pick('', '身份证号', '旧证')),
  numberDatum(card, '[银行卡号]', pick('', '卡号', '银行卡：', '扣款卡')),
  numberDatum(email, '[邮箱]', pick('', '邮箱', '邮箱：')),
  labelledName,
  titledName,
);

const complaint = fc.tuple(
  fc.array(fc.tuple(pick(...FRAGMENTS), datum), { minLength: 1, maxLength: 4 }),
  pick(...FRAGMENTS),
);

describe('scrubPersonalData, property', () => {
  it('replaces every piece of personal data by its token and keeps every character around it', () => {
    fc.assert(
      fc.property(complaint, ([pieces, last]) => {
        const input = pieces.map(([text, d]) => text + d.lead + d.raw + d.trail).join('') + last;
        const expected = pieces.map(([text, d]) => text + d.lead + d.token + d.trail).join('') + last;
        const scrubbed = scrubPersonalData(input);
        expect(scrubbed).toBe(expected);
        // (a lone surname such as 于 may also be a word of the complaint)
        for (const [, d] of pieces) if (d.raw.length >= 4) expect(scrubbed).not.toContain(d.raw);
      }),
      { numRuns: 2000 },
    );
  });
});
