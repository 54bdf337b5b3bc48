/**
 * How many of a reference report's figures a generated report carries: every number written with a
 * unit (宗, 个, 万元, %, 平方公里 …) is a figure; dates (年, 月, 日) and numbered headings are not.
 * Used to measure the generated report against the published seed, section by section.
 */

// Longest first, so "万元" is read before "万" and "平方公里" before nothing.
const UNITS = [
  "平方公里",
  "平方米",
  "万余人次",
  "亿人次",
  "万人次",
  "人次",
  "亿元",
  "万元",
  "千元",
  "亿条",
  "万条",
  "万次",
  "万栋",
  "km²",
  "Gbps",
  "小时",
  "元",
  "%",
  "个",
  "项",
  "宗",
  "件",
  "条",
  "人",
  "次",
  "类",
  "泊",
  "栋",
  "亿",
  "万",
  "分",
  "G",
];

// A number (not the tail of a longer one), an optional 多/余 ("100 多平方公里"), and its unit. "分钟"
// is a duration, not a score; "5G+" is a network generation, not a bandwidth.
const FIGURE = new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)(?:多|余)?(${UNITS.join("|")})(?!钟|\\+)`, "g");

/**
 * Text as the figures are compared: no whitespace (the seed breaks lines inside "2166 个"), no
 * thousands separators, full-width digits and % as ASCII, and "※" (a registered fact's mark) dropped.
 */
export function normalizeForFigures(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/％/g, "%")
    .replace(/[\s※]+/g, "")
    .replace(/(?<=\d),(?=\d{3})/g, "");
}

/**
 * The distinct figures of a text, as "number+unit" keys ("2166个", "9167.05万元"), in order of
 * appearance. The number is read as a value: "77.10 万元" and "77.1 万元", "100.0%" and "100%" are one figure.
 */
export function extractFigures(text: string): string[] {
  const seen = new Set<string>();
  for (const m of normalizeForFigures(text).matchAll(FIGURE)) {
    seen.add(`${Number(m[1])}${m[2]}`);
  }
  return [...seen];
}

/** Which of the reference's figures the other text states (with the same unit), and which it does not. */
export function figureCoverage(reference: string, text: string): { found: string[]; missing: string[]; total: number } {
  const have = new Set(extractFigures(text));
  const figures = extractFigures(reference);
  const found = figures.filter((f) => have.has(f));
  return { found, missing: figures.filter((f) => !have.has(f)), total: figures.length };
}
