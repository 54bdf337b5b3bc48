/**
 * Section and item markers of Chinese government reports, outermost first:
 * 一、 → （一） → 1. → （1） → ①. The rank orders the nesting; a marker's number is its value.
 */
export interface Marker {
  rank: number;
  number: number;
  /** Length of the marker text, e.g. 2 for "1.". */
  length: number;
  /** The marker as written (after normalization), e.g. "（2" for a bracket left open. */
  text: string;
}

const CHINESE_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** 一 … 九十九 written with 十 as in section headings. */
export function chineseNumber(s: string): number {
  if (s.length === 1) {
    return CHINESE_DIGITS[s] ?? 0;
  }
  const ten = s.indexOf("十");
  if (ten < 0) {
    return 0;
  }
  const tens = ten === 0 ? 1 : (CHINESE_DIGITS[s.slice(0, ten)] ?? 0);
  const units = ten === s.length - 1 ? 0 : (CHINESE_DIGITS[s.slice(ten + 1)] ?? 0);
  return tens * 10 + units;
}

const CN = "[一二三四五六七八九十]{1,3}";
// A space inside the marker ("一 、", "（ 一 ）") is a typesetting slip, not another marker.
const RANK1 = new RegExp(`^(${CN})\\s*、`);
const RANK2 = new RegExp(`^（\\s*(${CN})\\s*）`);
// "1." / "1、" but not a decimal such as "1.5" or a date such as "1.2022"
const RANK3 = /^(\d{1,2})\s*[.、](?!\d)/;
const RANK4 = /^（\s*(\d{1,2})\s*）/;
// A bracket left open ("（2 加强…") still numbers the item: the PDF lost the "）", the count is intact.
const RANK4_OPEN = /^（(\d{1,2})\s+(?=[\u4e00-\u9fff])/;
const RANK5 = /^[\u2460-\u2473]/;

/**
 * The marker at the start of `s`, if any. `atParagraphStart` allows the forms that only occur
 * at the head of a paragraph (section headings, a bracket left open).
 */
export function matchMarker(s: string, atParagraphStart: boolean): Marker | undefined {
  let m: RegExpExecArray | null;
  if (atParagraphStart) {
    m = RANK1.exec(s);
    if (m?.[1]) {
      return { rank: 1, number: chineseNumber(m[1]), length: m[0].length, text: m[0] };
    }
    m = RANK2.exec(s);
    if (m?.[1]) {
      return { rank: 2, number: chineseNumber(m[1]), length: m[0].length, text: m[0] };
    }
  }
  m = RANK3.exec(s);
  if (m?.[1]) {
    return { rank: 3, number: Number(m[1]), length: m[0].length, text: m[0].trim() };
  }
  m = RANK4.exec(s);
  if (m?.[1]) {
    return { rank: 4, number: Number(m[1]), length: m[0].length, text: m[0] };
  }
  if (atParagraphStart) {
    m = RANK4_OPEN.exec(s);
    if (m?.[1]) {
      return { rank: 4, number: Number(m[1]), length: m[0].length, text: m[0].trim() };
    }
  }
  m = RANK5.exec(s);
  if (m) {
    return { rank: 5, number: m[0].charCodeAt(0) - 0x2460 + 1, length: 1, text: m[0] };
  }
  return undefined;
}
