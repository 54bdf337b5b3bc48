import { matchMarker } from "./markers.ts";
import type { ReportText } from "./normalize-text.ts";
import type { Outline } from "./numbering.ts";
import type { Finding } from "./report-check.service.ts";

// Shorter clauses ("预算完成率 100%") repeat legitimately; a repeated clause this long is a slip.
const MIN_CJK = 10;
// A whole sentence repeated apart from its first copy must be longer still to be a slip, not a
// formula that evaluation tables repeat on purpose ("已按要求完成，达到预期目标。").
const MIN_CJK_APART = 20;
// Runs of up to this many clauses repeated back to back ("A，B，A，B") are one slip.
const MAX_RUN = 3;
const CLAUSE_END = /[，。；！？：,!?:\n]/;
const SENTENCE_END = /[。；！？!?\n]/;

interface Piece {
  start: number;
  key: string;
  text: string;
  long: boolean;
  /** The piece ends a sentence (。；！？), as opposed to a heading or a line with no full stop. */
  closed: boolean;
}

function cjkCount(s: string): number {
  let n = 0;
  for (const c of s) {
    if (c >= "\u4e00" && c <= "\u9fff") {
      n++;
    }
  }
  return n;
}

function split(report: ReportText, end: RegExp, minCjk: number): Piece[] {
  const { text } = report;
  const pieces: Piece[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i] ?? "";
    if (i === text.length || end.test(c)) {
      const raw = text.slice(start, i);
      const text0 = raw.trim();
      if (text0 !== "") {
        // "（2）X。" and a later "X。" are the same sentence: the item number is not part of it.
        const marker = matchMarker(text0, true);
        const key = (marker ? text0.slice(marker.length) : text0).replace(/[\s“”‘’"'《》]/g, "");
        pieces.push({
          start: start + raw.length - raw.trimStart().length,
          key,
          text: text0,
          long: cjkCount(key) >= minCjk,
          closed: c !== "\n" && i !== text.length,
        });
      }
      start = i + 1;
    }
  }
  return pieces;
}

// Labels and headings joined onto a sentence ("联系人…职能职责概述" + "负责…。") lie within its opening.
const LABEL_SPAN = 200;
// Longer pieces are runs of text with no full stop, not sentences: no variants for them.
const MAX_SENTENCE = 2000;

/**
 * The sentence's key, and its keys from each source line started in its opening: a table cell or
 * heading with no full stop runs into the next sentence when lines are joined, so the same sentence
 * elsewhere would not match. A line that ends inside a clause ("，" "、") does not start a sentence.
 */
function variants(report: ReportText, sentence: Piece): string[] {
  const { text } = report;
  const keys = [sentence.key];
  const stop = sentence.start + sentence.text.length;
  if (sentence.text.length > MAX_SENTENCE) {
    return keys;
  }
  const end = Math.min(sentence.start + LABEL_SPAN, stop);
  for (let i = sentence.start + 1; i < end; i++) {
    if (report.lineOf(i) === report.lineOf(i - 1) || /[，、,：:]/.test(text[i - 1] ?? "")) {
      continue;
    }
    const rest = text.slice(i, stop).replace(/[\s“”‘’"'《》]/g, "");
    if (cjkCount(rest) < MIN_CJK_APART) {
      break;
    }
    keys.push(rest);
  }
  return keys;
}

/** The length of the clause run starting at i that repeats the run just before it, if any. */
function repeatedRun(clauses: Piece[], i: number): number {
  for (let len = 1; len <= MAX_RUN && i - len >= 0; len++) {
    let same = true;
    let long = false;
    for (let t = 0; t < len && same; t++) {
      const a = clauses[i - len + t];
      const b = clauses[i + t];
      same = a !== undefined && b !== undefined && a.key === b.key;
      long ||= b?.long ?? false;
    }
    if (same && long) {
      return len;
    }
  }
  return 0;
}

function finding(report: ReportText, at: number, earlier: number, sentence: string): Finding {
  const earlierLine = report.lineOf(earlier);
  return {
    kind: "duplicate_sentence",
    line: report.lineOf(at),
    stated: sentence,
    computed: `与第${earlierLine}行重复`,
    message: `语句“${sentence}”重复出现（第${earlierLine}行已有）`,
  };
}

/**
 * Repeated text: clauses repeated back to back ("…4亿人次以上，累计…4亿人次以上"), and whole sentences
 * repeated anywhere within one section or sub-section (一、 or （一）), whatever lies between the
 * copies. The same sentence in two sections is left alone: summaries (主要工作成效) restate earlier
 * sections on purpose. Parallel clauses (budget and actual in the same words, other figures) are not
 * repeats: only a whole sentence, or a back-to-back run, counts.
 */
export function checkDuplicates(report: ReportText, outline: Outline): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<number>();
  const clauses = split(report, CLAUSE_END, MIN_CJK);
  for (let i = 1; i < clauses.length; ) {
    const len = repeatedRun(clauses, i);
    if (len === 0) {
      i++;
      continue;
    }
    const run = clauses.slice(i, i + len);
    const first = clauses[i - len];
    findings.push(finding(report, run[0]?.start ?? 0, first?.start ?? 0, run.map((c) => c.text).join("，")));
    for (const c of run) {
      reported.add(c.start);
    }
    i += len;
  }
  // Sections and their sub-sections (一、 and （一）) bound the search; a summary restates the others.
  const sections = outline.items.filter((r) => r.marker.rank <= 2).map((r) => r.start);
  let section = -1;
  let seen = new Map<string, Piece>();
  for (const sentence of split(report, SENTENCE_END, MIN_CJK_APART)) {
    while (section + 1 < sections.length && (sections[section + 1] ?? 0) <= sentence.start) {
      section++;
      seen = new Map();
    }
    if (!sentence.long || !sentence.closed) {
      continue;
    }
    const keys = variants(report, sentence);
    const earlier = keys.map((k) => seen.get(k)).find((p) => p !== undefined);
    if (!earlier) {
      for (const k of keys) {
        seen.set(k, sentence);
      }
    } else if (!reported.has(sentence.start)) {
      findings.push(finding(report, sentence.start, earlier.start, sentence.text.replace(/[。；！？!?]$/, "")));
    }
  }
  return findings;
}
