import { describe, expect, it } from 'vitest';
import { LABEL_FONT, labelFontFaces, parseFontFaces } from './font-faces';

const css = `
/* noto-sans-sc-[4]-400-normal */
@font-face {
  font-family: 'Noto Sans SC';
  font-style: normal;
  font-display: swap;
  font-weight: 400;
  src: url(./files/noto-sans-sc-4-400-normal.woff2) format('woff2'), url(./files/noto-sans-sc-4-400-normal.woff) format('woff');
  unicode-range: U+1f1e9-1f1f5,U+4e00, U+4??;
}
@font-face {
  font-family: "Noto Sans SC";
  font-weight: 700;
  src: url("files/bold.woff2") format("woff2");
}
@font-face { font-family: Other; src: url(/x.woff2); }
`;

describe('label font faces from fonts.css', () => {
  it('parses families, weights, resolved woff2 URLs and unicode ranges', () => {
    const faces = parseFontFaces(css, 'http://wall:12315/fonts/fonts.css');
    expect(faces).toHaveLength(3);
    expect(faces[0]).toEqual({
      family: 'Noto Sans SC',
      weight: '400',
      url: 'http://wall:12315/fonts/files/noto-sans-sc-4-400-normal.woff2',
      unicodeRange: ['U+1f1e9-1f1f5', 'U+4e00', 'U+4??'],
    });
    expect(faces[1].url).toBe('http://wall:12315/fonts/files/bold.woff2');
    expect(faces[2].url).toBe('http://wall:12315/x.woff2');
  });

  it('declares the regular files of the label font for MapLibre', () => {
    const spec = labelFontFaces(parseFontFaces(css, 'http://wall/fonts/fonts.css'));
    expect(Object.keys(spec)).toEqual([LABEL_FONT]);
    expect(spec[LABEL_FONT]).toEqual([
      {
        url: 'http://wall/fonts/files/noto-sans-sc-4-400-normal.woff2',
        'unicode-range': ['U+1f1e9-1f1f5', 'U+4e00', 'U+4??'],
      },
    ]);
    expect(labelFontFaces([])).toEqual({});
  });
});
