import { matchMarker } from "./markers.ts";

/** A half-open range [start, end) of the normalized text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The report as one normalized stream: wrapped lines joined into paragraphs (separated by "\n"),
 * thousands separators removed, full-width digits and signs made ASCII. Every character keeps the
 * 1-based line of the original text it came from, so findings point at the source.
 */
export interface ReportText {
  text: string;
  paragraphs: Span[];
  lineOf: (offset: number) => number;
}

// Full-width forms that carry numbers; CJK punctuation (，。；：（）) is kept because the checks
// read the report's structure from it.
function normalizeChar(c: string): string {
  const code = c.charCodeAt(0);
  if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) {
    return String.fromCharCode(code - 0xfee0);
  }
  switch (c) {
    case "％":
    case "﹪":
      return "%";
    case "．":
      return ".";
    case "＋":
      return "+";
    case "\u3000":
    case "\u00a0":
    case "\t":
      return " ";
    case "(":
      return "（";
    case ")":
      return "）";
    case ";":
      return "；";
    default:
      return c;
  }
}

const ASCII_ALNUM = /[0-9A-Za-z]/;
// A bare number on its own line may be a table cell ("人员编制\n21"): only dashed or worded page numbers go.
const PAGE_NUMBER =
  /^(?:[-—–－]+\s*\d{1,4}\s*[-—–－]+|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;
// The same page numbers inside a line, where a text was flattened ("…工作。 - 1 - 7. 指导…").
const INLINE_PAGE_NUMBER = /(?<=^|\s)[-—–－]\s?\d{1,4}\s?[-—–－](?=\s|$)/g;
// Blanked, not removed: every character keeps its place.
const blank = (m: string): string => " ".repeat(m.length);
const SENTENCE_END = /[。！？：；]$/;

/** Width as laid out: a CJK character is one em, ASCII half of one. */
function displayWidth(line: string): number {
  let width = 0;
  for (const c of line) {
    width += c.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  }
  return width;
}

/**
 * The width at which the source wrapped its lines: most lines of a PDF extraction are full, so the
 * upper quartile of line widths is the wrap width. A text whose lines are mostly not of that width
 * (a Word or web document: one paragraph a line) was not wrapped at all: 0.
 */
function wrapWidth(lines: string[]): number {
  const widths = lines.filter((l) => l !== "").map(displayWidth);
  widths.sort((a, b) => a - b);
  const width = widths[Math.floor(widths.length * 0.75)] ?? 0;
  const full = widths.filter((w) => Math.abs(w - width) <= 2).length;
  return full >= widths.length * 0.5 ? width : 0;
}

/**
 * Joins wrapped lines into paragraphs. A new paragraph starts at a numbered line, and after a line
 * that stops short of the wrap width when it is a heading or ends a sentence ("一、基本情况",
 * "…对行政审批事项进行清理。"): such a line was not wrapped, it ended.
 */
export function normalizeReport(raw: string): ReportText {
  // Whole lines and the separators between them, each with its source line: no array of characters
  // (a 5 MB report would make millions of one-character strings).
  const pieces: string[] = [];
  const pieceLines: number[] = [];
  const rawLines = raw
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n|\f/)
    .map((l) => Array.from(l, normalizeChar).join("").replace(INLINE_PAGE_NUMBER, blank).trim());
  // Unwrapped text: every line is short of a wrap, a full stop at its end ends the paragraph.
  const shortLine = wrapWidth(rawLines) * 0.85 || Number.POSITIVE_INFINITY;
  let inParagraph = false;
  let previousEnded = false;
  let previous = "";
  rawLines.forEach((line, index) => {
    const lineNo = index + 1;
    // Page numbers of a printed report ("— 3 —", "- 3 -", "第 3 页 共 9 页") sit between the lines of a
    // sentence cut by the page break: they are not text.
    if (line === "" || PAGE_NUMBER.test(line)) {
      return;
    }
    const isNumbered = matchMarker(line, true) !== undefined;
    if (inParagraph && (isNumbered || previousEnded)) {
      pieces.push("\n");
      pieceLines.push(lineNo);
    } else if (inParagraph && ASCII_ALNUM.test(previous) && ASCII_ALNUM.test(line[0] ?? "")) {
      // Two numbers or words meeting at a wrap must not fuse into one.
      pieces.push(" ");
      pieceLines.push(lineNo);
    }
    pieces.push(line);
    pieceLines.push(lineNo);
    previous = line[line.length - 1] ?? "";
    inParagraph = true;
    previousEnded =
      displayWidth(line) < shortLine && (SENTENCE_END.test(line) || (isNumbered && !/[，、,]$/.test(line)));
  });
  const joined = pieces.join("");
  const lineAt = new Int32Array(joined.length);
  let at = 0;
  pieces.forEach((piece, i) => {
    lineAt.fill(pieceLines[i] ?? 1, at, at + piece.length);
    at += piece.length;
  });
  // Thousands separators: "9,167.05" → "9167.05"; remaining ASCII commas read as "，".
  const out: string[] = [];
  let kept = 0;
  let from = 0;
  for (let i = joined.indexOf(","); i >= 0; i = joined.indexOf(",", i + 1)) {
    out.push(joined.slice(from, i));
    lineAt.copyWithin(kept, from, i);
    kept += i - from;
    const isThousands = /\d/.test(joined[i - 1] ?? "") && /^\d{3}(?!\d)/.test(joined.slice(i + 1, i + 5));
    if (!isThousands) {
      out.push("，");
      lineAt[kept] = lineAt[i] ?? 1;
      kept++;
    }
    from = i + 1;
  }
  out.push(joined.slice(from));
  lineAt.copyWithin(kept, from, joined.length);
  kept += joined.length - from;
  const text = out.join("");
  const lines = lineAt.subarray(0, kept);
  const paragraphs: Span[] = [];
  let start = 0;
  for (let i = text.indexOf("\n"); ; i = text.indexOf("\n", i + 1)) {
    const end = i < 0 ? text.length : i;
    if (end > start) {
      paragraphs.push({ start, end });
    }
    if (i < 0) {
      break;
    }
    start = i + 1;
  }
  const lastLine = lines[lines.length - 1] ?? 1;
  return {
    text,
    paragraphs,
    lineOf: (offset) => lines[Math.min(Math.max(offset, 0), lines.length - 1)] ?? lastLine,
  };
}
