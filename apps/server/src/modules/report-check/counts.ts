import { chineseNumber } from "./markers.ts";
import type { ReportText } from "./normalize-text.ts";
import { labelBefore } from "./quantities.ts";
import type { Finding } from "./report-check.service.ts";

// "下设 3 个科室，即 A、B、C" / "直属事业单位 10 个，即…" / "内设 2 个中队：A、B" / "5 个（A、B…）": a
// count, a few words naming what is counted, then the word, colon or bracket that opens the list.
const COUNTED_LIST =
  /(?<![\d.])(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(个|家|所|支|名)([^，。；：:\n\d]{0,12}?)\s*(?:[，,]?\s*(?:即|分别是|分别为|包括)(?!将|可|时|使)\s*[：:]?|[：:]|(?=（))/g;
// A list longer than this is prose, not names; the bound also keeps the scan linear.
const MAX_LIST = 400;
const MAX_NAME = 30;

function countOf(s: string): number {
  if (/^\d+$/.test(s)) {
    return Number(s);
  }
  return s === "两" ? 2 : chineseNumber(s);
}

/** The list's text, up to the sentence end, with bracketed remarks ("（加挂…牌子）") taken out. */
function listText(text: string, from: number): string | undefined {
  let out = "";
  let depth = 0;
  const limit = Math.min(text.length, from + MAX_LIST);
  for (let i = from; i < limit; i++) {
    const c = text[i] ?? "";
    if (c === "（") {
      depth++;
    } else if (c === "）") {
      if (depth === 0) {
        return out;
      }
      depth--;
    } else if (depth === 0) {
      if (/[。；\n]/.test(c)) {
        return out;
      }
      out += c;
    }
  }
  // Ran off the text (an excerpt) or too long to be a list of names.
  return undefined;
}

function distinct(list: string, separators: RegExp): string[] | undefined {
  const segments = list
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => s !== "");
  // Names carry no figures: "（其中 A 3 个、B 9 个）" is a breakdown, not a list of names.
  if (segments.length < 2 || segments.some((s) => s.length > MAX_NAME || /\d/.test(s))) {
    return undefined;
  }
  return [...new Set(segments)];
}

/**
 * The names listed, read two ways: up to the first "，" ("即 A、B，负责…"), or on across "，" to the
 * end of the sentence ("分别是 A、B，C、D。"). "A、B 和 C" is three when the count says so, two
 * otherwise ("城市管理和综合执法局"). Returns the reading that agrees with the count, else the closer one.
 */
function names(list: string, stated: number): string[] | undefined {
  const readings: string[][] = [];
  const short = distinct(list.split(/[，,]/)[0] ?? "", /、/);
  const long = distinct(list, /[、，,]/);
  for (const r of [short, long]) {
    if (!r) {
      continue;
    }
    readings.push(r);
    const last = r[r.length - 1] ?? "";
    const joined = last.split(/和|及|以及/).filter((s) => s !== "");
    if (joined.length === 2) {
      readings.push([...r.slice(0, -1), ...joined]);
    }
  }
  const agreeing = readings.find((r) => r.length === stated);
  return agreeing ?? readings.sort((a, b) => Math.abs(a.length - stated) - Math.abs(b.length - stated))[0];
}

/** A stated count against the names listed right after it ("下设 3 个单位，即 A、B"). */
export function checkCounts(report: ReportText): Finding[] {
  const { text } = report;
  const findings: Finding[] = [];
  for (const m of text.matchAll(COUNTED_LIST)) {
    const stated = countOf(m[1] ?? "");
    // "建立一个体系：…" is prose; a count of one is only read when written in digits.
    if (m[1] === "一") {
      continue;
    }
    const from = m.index + m[0].length;
    const list = listText(text, text[from] === "（" ? from + 1 : from);
    // "下设 0 个处室，分别是：无" and lists that end in 等 ("A、B 等") are not counts to check.
    if (stated < 1 || list === undefined || /等$|等\s*[\d一二三四五六七八九十]|无/.test(list)) {
      continue;
    }
    const listed = names(list, stated);
    if (!listed || listed.length === stated) {
      continue;
    }
    const unit = m[2] ?? "个";
    // "下设 4 个科室" names what it counts after the number, "直属事业单位 10 个" before it.
    const what = (m[3] ?? "").trim() || labelBefore(text, m.index) || "数量";
    findings.push({
      kind: "count_mismatch",
      line: report.lineOf(m.index),
      stated: `${stated} ${unit}`,
      computed: `${listed.length} ${unit}`,
      message: `所述${what}为 ${stated} ${unit}，其后列出 ${listed.length} ${unit}（${listed.join("、")}）`,
    });
  }
  return findings;
}
