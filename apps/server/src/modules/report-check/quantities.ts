import type { ReportText, Span } from "./normalize-text.ts";

/** A number with its unit as written, e.g. "228.38 万元", "56.93%", "2166 个". */
export interface Quantity {
  value: number;
  /** The digits as written (thousands separators already removed). */
  literal: string;
  decimals: number;
  unit: string;
  start: number;
  end: number;
}

export const MONEY_FACTORS: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };

// Units of amounts, counts and measures. Dates and times (年, 月, 日, 时) and scores (分) are left
// out on purpose: they are never the parts of a total or the terms of a rate.
const UNITS = [
  "亿元",
  "万元",
  "千元",
  "元",
  "%",
  "万人次",
  "人次",
  "万次",
  "平方公里",
  "平方米",
  "个",
  "项",
  "宗",
  "件",
  "条",
  "人",
  "次",
  "户",
  "家",
  "名",
  "份",
  "台",
  "套",
  "所",
  "处",
  "场",
  "批",
  "笔",
  "座",
  "栋",
  "辆",
  "泊",
];
const QUANTITY = new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*(${UNITS.join("|")})`, "g");

export function isMoney(q: Quantity): boolean {
  return q.unit in MONEY_FACTORS;
}

/** The amount in 元 (only meaningful for money). */
export function inYuan(q: Quantity): number {
  return q.value * (MONEY_FACTORS[q.unit] ?? 1);
}

/** Every quantity of the text, in order. */
export function findQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const literal = m[1] ?? "";
    const unit = m[2] ?? "";
    const start = m.index;
    out.push({
      value: Number(literal),
      literal,
      decimals: literal.includes(".") ? literal.length - literal.indexOf(".") - 1 : 0,
      unit,
      start,
      end: start + m[0].length,
    });
  }
  return out;
}

/** Sentences: split at 。；！？ and at paragraph ends. */
export function sentenceSpans(report: ReportText): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const { text } = report;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (i === text.length || c === "。" || c === "；" || c === "！" || c === "？" || c === "\n") {
      if (i > start) {
        spans.push({ start, end: i });
      }
      start = i + 1;
    }
  }
  return spans;
}

const LABEL_MAX = 40;
const LABEL_STOP = /[，。；：:、（）“”‘’"\n\d%]/;

/**
 * The words naming a quantity: the run of text right before it, back to the previous punctuation
 * or number ("其中基本支出：1889.03 万元" → "其中基本支出"; "年度预算数 228.38" → "年度预算数").
 */
export function labelBefore(text: string, offset: number): string {
  let i = offset - 1;
  while (i >= 0 && /[\s：:]/.test(text[i] ?? "")) {
    i--;
  }
  const end = i + 1;
  // Names are short; the bound keeps a text with no punctuation from being walked again and again.
  const floor = Math.max(-1, end - LABEL_MAX);
  while (i > floor && !LABEL_STOP.test(text[i] ?? "")) {
    i--;
  }
  return text.slice(i + 1, end).replace(/\s+/g, "");
}

/** Formats a number with a fixed count of decimals, without float noise. */
export function formatNumber(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** "7278.02 万元", "56.93%". */
export function formatQuantity(q: Quantity): string {
  return q.unit === "%" ? `${q.literal}%` : `${q.literal} ${q.unit}`;
}

/** Index of the first quantity starting at or after `offset` (quantities are in text order). */
export function firstAtOrAfter(quantities: Quantity[], offset: number): number {
  let lo = 0;
  let hi = quantities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((quantities[mid]?.start ?? 0) < offset) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** The quantities lying wholly in [start, end), found by binary search so that callers stay linear. */
export function quantitiesIn(quantities: Quantity[], start: number, end: number): Quantity[] {
  const out: Quantity[] = [];
  for (let i = firstAtOrAfter(quantities, start); i < quantities.length; i++) {
    const q = quantities[i];
    if (!q || q.start >= end) {
      break;
    }
    if (q.end <= end) {
      out.push(q);
    }
  }
  return out;
}
