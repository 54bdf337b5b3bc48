import { type Marker, matchMarker } from "./markers.ts";
import type { ReportText } from "./normalize-text.ts";
import type { Finding } from "./report-check.service.ts";

/** A numbered section or item with its own text (up to the next marker) and its sub-items. */
export interface NumberedItem {
  marker: Marker;
  start: number;
  contentStart: number;
  /** Start of the next marker of any rank, or the end of the text. */
  contentEnd: number;
  /** End of the item including its sub-items. */
  subtreeEnd: number;
  parent: NumberedItem | undefined;
  children: NumberedItem[];
}

export interface Outline {
  roots: NumberedItem[];
  items: NumberedItem[];
}

// Enough text to recognize any marker ("（十二）", "（12 加…"), without copying whole paragraphs.
const MARKER_WINDOW = 12;
// Items are also numbered inline, right after a sentence ends ("…94 个。2.一网统管…") or after the
// colon that opens a list ("主要职责：1、…").
const INLINE_AFTER = /[。；：:]/;
// A list opened by a colon ("…如下：", "主要职责是：") is nested in the item that introduces it.
const OPENS_LIST = /[：:]\s*$/;

interface Found {
  marker: Marker;
  start: number;
}

/** The item-level markers ("1." "（1）") written with no punctuation before them. */
function loose(rank: number, n: number, style: string): RegExp {
  return rank === 3
    ? new RegExp(`(?<![\\d.])${n}\\s*${style === "、" ? "、" : "\\."}(?!\\d)`, "g")
    : new RegExp(`（${n}）`, "g");
}

/**
 * A list begun inside a sentence ("主要职责是 1、…；2、…") shows only from its second item on:
 * when an inline item's predecessors are missing in its paragraph, look for them in the text
 * before it, back to the paragraph's previous marker.
 */
function recoverLeading(text: string, from: number, inParagraph: Found[], f: Found): Found[] {
  const { rank, number } = f.marker;
  if ((rank !== 3 && rank !== 4) || number < 2) {
    return [];
  }
  const previous = inParagraph[inParagraph.length - 1];
  if (previous && previous.marker.rank === rank && previous.marker.number === number - 1) {
    return [];
  }
  const style = f.marker.text.slice(-1);
  const recovered: Found[] = [];
  let end = f.start;
  const floor = previous ? previous.start + previous.marker.length : from;
  for (let n = number - 1; n >= 1; n--) {
    const re = loose(rank, n, style);
    let last: RegExpExecArray | undefined;
    const window = text.slice(floor, end);
    for (const m of window.matchAll(re)) {
      last = m as RegExpExecArray;
    }
    if (!last) {
      return [];
    }
    const start = floor + last.index;
    const marker = matchMarker(text.slice(start, start + MARKER_WINDOW), false);
    if (!marker || marker.number !== n) {
      return [];
    }
    recovered.unshift({ marker, start });
    end = start;
  }
  return recovered;
}

// "10 负责…" lost its "." (a typo or the PDF): a number, a space and a word, read as item 10 only
// right after item 9, and never when the word is a measure ("3 个项目", "5 月").
const UNPUNCTUATED =
  /^(\d{1,2})\s+(?=[\u4e00-\u9fff])(?![个项人名家年月日次万亿元件条所岁分天批份台套处场宗户辆座栋倍成类种级号层期周])/;

/** `lastItem` is the number of the last "1." style item found before `at`. */
function unpunctuated(text: string, at: number, lastItem: number): Marker | undefined {
  const m = UNPUNCTUATED.exec(text.slice(at, at + MARKER_WINDOW));
  if (!m?.[1] || lastItem < 1 || lastItem !== Number(m[1]) - 1) {
    return undefined;
  }
  return { rank: 3, number: Number(m[1]), length: m[0].length, text: m[1] };
}

function findMarkers(report: ReportText): Found[] {
  const { text } = report;
  const found: Found[] = [];
  let lastItem = 0;
  const note = (fs: Found[]): Found[] => {
    for (const f of fs) {
      if (f.marker.rank === 3) {
        lastItem = f.marker.number;
      }
    }
    return fs;
  };
  for (const p of report.paragraphs) {
    let i = p.start;
    while (i < p.end && text[i] === " ") {
      i++;
    }
    const inParagraph: Found[] = [];
    const head =
      matchMarker(text.slice(i, Math.min(p.end, i + MARKER_WINDOW)), true) ?? unpunctuated(text, i, lastItem);
    if (head) {
      inParagraph.push(...note([{ marker: head, start: i }]));
    }
    for (let j = i + 1; j < p.end; j++) {
      if (!INLINE_AFTER.test(text[j - 1] ?? "")) {
        continue;
      }
      let k = j;
      while (k < p.end && text[k] === " ") {
        k++;
      }
      const inline =
        matchMarker(text.slice(k, Math.min(p.end, k + MARKER_WINDOW)), false) ?? unpunctuated(text, k, lastItem);
      if (inline) {
        const f = { marker: inline, start: k };
        inParagraph.push(...note([...recoverLeading(text, i, inParagraph, f), f]));
      }
    }
    found.push(...inParagraph);
  }
  return found;
}

function closeAt(item: NumberedItem | undefined, at: number): void {
  if (item) {
    item.subtreeEnd = at;
  }
}

/**
 * Finds every marker and nests them by rank (一、 ⊃ （一） ⊃ 1. ⊃ （1） ⊃ ①). A list that restarts
 * at 1 inside an item of its own rank (a quoted list of duties under "1.部门职责：") is nested in
 * that item when a colon opens it or its marker style differs ("1." vs "1、"); the outer list
 * resumes at the first marker that continues it.
 */
export function parseOutline(report: ReportText): Outline {
  const { text } = report;
  const found = findMarkers(report);
  const items: NumberedItem[] = [];
  const roots: NumberedItem[] = [];
  const stack: NumberedItem[] = [];
  found.forEach((f, index) => {
    const next = found[index + 1];
    const item: NumberedItem = {
      marker: f.marker,
      start: f.start,
      contentStart: f.start + f.marker.length,
      contentEnd: next ? next.start : text.length,
      subtreeEnd: text.length,
      parent: undefined,
      children: [],
    };
    const { rank, number } = f.marker;
    while (stack.length > 0 && (stack[stack.length - 1]?.marker.rank ?? 0) > rank) {
      closeAt(stack.pop(), f.start);
    }
    const top = stack[stack.length - 1];
    if (top && top.marker.rank === rank) {
      const styleDiffers = top.marker.text.slice(-1) !== f.marker.text.slice(-1);
      const opened = OPENS_LIST.test(text.slice(top.contentStart, f.start));
      if (!(number === 1 && (opened || styleDiffers))) {
        // Same-rank items on the stack are nested lists: continue the innermost one this follows.
        let depth = 0;
        for (let d = stack.length - 1; d >= 0 && stack[d]?.marker.rank === rank; d--) {
          if (stack[d]?.marker.number === number - 1) {
            depth = stack.length - 1 - d;
            break;
          }
        }
        for (let d = 0; d <= depth; d++) {
          closeAt(stack.pop(), f.start);
        }
      }
    }
    const parent = stack[stack.length - 1];
    item.parent = parent;
    if (parent) {
      parent.children.push(item);
    } else {
      roots.push(item);
    }
    stack.push(item);
    items.push(item);
  });
  return { roots, items };
}

function describe(m: Marker, n: number): string {
  const cn = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
  const chinese = n <= 10 ? (cn[n] ?? String(n)) : n < 20 ? `十${cn[n - 10] ?? ""}` : String(n);
  switch (m.rank) {
    case 1:
      return `${chinese}、`;
    case 2:
      return `（${chinese}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
    default:
      return String.fromCharCode(0x2460 + n - 1);
  }
}

/** Numbering defects: a number repeated, skipped or out of order, and a numbered item with no text. */
export function checkNumbering(report: ReportText, outline: Outline): Finding[] {
  const findings: Finding[] = [];
  const groups = [outline.roots, ...outline.items.map((i) => i.children)];
  for (const siblings of groups) {
    const lastByRank = new Map<number, number>();
    let sectionSeen = false;
    for (const item of siblings) {
      const { marker } = item;
      const line = report.lineOf(item.start);
      const previous = lastByRank.get(marker.rank);
      lastByRank.set(marker.rank, marker.number);
      const expected = (previous ?? 0) + 1;
      // An item before any section heading that starts past 1 ("5.经营收入…") opens an excerpt
      // taken from the middle of a list, not a list that skipped its first items.
      const excerptStart = !item.parent && previous === undefined && !sectionSeen && marker.rank > 1;
      sectionSeen ||= marker.rank === 1;
      if (excerptStart) {
        continue;
      }
      if (previous !== undefined && marker.number === previous) {
        findings.push({
          kind: "numbering",
          line,
          stated: marker.text,
          computed: describe(marker, expected),
          message: `编号“${marker.text}”与上一项重复，应为“${describe(marker, expected)}”`,
        });
      } else if (marker.number > expected) {
        findings.push({
          kind: "numbering",
          line,
          stated: marker.text,
          computed: describe(marker, expected),
          message: `编号“${marker.text}”跳号，前面缺少“${describe(marker, expected)}”`,
        });
      } else if (previous !== undefined && marker.number < previous && marker.number !== 1) {
        findings.push({
          kind: "numbering",
          line,
          stated: marker.text,
          computed: describe(marker, expected),
          message: `编号“${marker.text}”顺序倒退，应为“${describe(marker, expected)}”`,
        });
      }
    }
  }
  for (const item of outline.items) {
    const content = report.text.slice(item.contentStart, item.contentEnd).replace(/[\s\p{P}]/gu, "");
    // A heading whose sub-items follow at once is not empty.
    if (content === "" && item.children.length === 0) {
      findings.push({
        kind: "numbering",
        line: report.lineOf(item.start),
        stated: item.marker.text,
        computed: "（无内容）",
        message: `编号“${item.marker.text}”之后没有内容`,
      });
    }
  }
  return findings;
}
