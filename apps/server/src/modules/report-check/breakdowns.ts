import type { ReportText } from "./normalize-text.ts";
import { findQuantities, isMoney, labelBefore, type Quantity, quantitiesIn, sentenceSpans } from "./quantities.ts";

/** A total and the parts the report says it is made of. */
export interface Claim {
  total: Quantity;
  parts: Quantity[];
  /** How the parts are named in the message, e.g. "基本支出、项目支出". */
  partsName: string;
  totalName: string;
}

export function nameOf(report: ReportText, q: Quantity): string {
  return labelBefore(report.text, q.start).replace(/^(其中|包括|含)/, "") || "该数";
}

function sameFamily(a: Quantity, b: Quantity): boolean {
  return isMoney(a) ? isMoney(b) : a.unit === b.unit;
}

// A change or a share mentioned after the breakdown ("较上年增加 5 万元") is not one of its parts.
const NOT_A_PART = /较|同比|比上年|上年|增长|增加|减少|下降|节约|节省/;
// A breakdown longer than this is not one (real ones fit in a paragraph); the bound keeps the scan linear.
const MAX_BREAKDOWN = 2000;
// A clause that starts a new total rather than naming one more part ("；总支出 90 万元，其中…").
const NEW_TOTAL = /总|合计|共计|累计|全年|本年/;
// Posts and traits cut across a head count ("30 人，其中局长 1 人，副局长 2 人"): such parts are
// examples, not a partition.
const POST_OR_TRAIT =
  /领导|职数|[局处科股部厅]长|主任|书记|党员|女|男性|少数民族|学历|本科|研究生|硕士|博士|大专|职称|高级|中级|初级|岁|退役|军转/;
// Words that announce examples or the main items only, before the first part ("主要用于：A…").
const EXAMPLES = /例如|比如|诸如|主要/;

/**
 * After "其中：" the parts may be separated by "；" ("其中：A 1 万元；B 2 万元"): the clause after a
 * "；" still belongs to the breakdown when it names an amount of the same kind and does not start
 * a new total.
 */
function continuesAfterSemicolon(text: string, from: number, total: Quantity): boolean {
  const clause = /^[^，；。\n]{0,60}/.exec(text.slice(from, from + 60))?.[0] ?? "";
  const first = findQuantities(clause)[0];
  if (!first || !sameFamily(first, total)) {
    return false;
  }
  const label = labelBefore(clause, first.start);
  const after = text.slice(from + first.end, from + first.end + 6);
  return label !== "" && !NEW_TOTAL.test(label) && !/^[\s，：:]*(其中|（)/.test(after);
}

interface Breakdown {
  end: number;
  nested: [number, number][];
  /** The text ended inside the breakdown: an excerpt, its parts cannot be known. */
  cut: boolean;
}

/**
 * Where the breakdown after a total ends: at the bracket that closes it ("（其中：…）"), or for
 * "其中" at the end of the sentence. Brackets nested inside the breakdown are returned so that
 * figures in them ("A 10 人（含 B 2 人）") are not counted twice.
 */
function breakdownEnd(
  text: string,
  from: number,
  opening: { bracketed: boolean; colon: boolean; textEnd: number },
  total: Quantity,
): Breakdown {
  const { bracketed, colon, textEnd } = opening;
  const nested: [number, number][] = [];
  let depth = 0;
  let nestedStart = -1;
  let segment = from;
  const limit = Math.min(text.length, from + MAX_BREAKDOWN);
  for (let i = from; i < limit; i++) {
    const c = text[i] ?? "";
    if (c === "\n") {
      return { end: i, nested, cut: i >= textEnd };
    }
    if (c === "（") {
      depth++;
      if (depth === 1) {
        nestedStart = i;
      }
    } else if (c === "）") {
      if (depth === 0) {
        return { end: i, nested, cut: false };
      }
      depth--;
      if (depth === 0) {
        nested.push([nestedStart, i]);
      }
    } else if (depth === 0 && !bracketed && (c === "。" || c === "；")) {
      // "；" separates parts only where it stands between single parts ("A 1 万元；B 2 万元"); after
      // parts separated by "，" it ends the breakdown ("其中：A 30 名，B 15 名；实有 45 名").
      const single = findQuantities(text.slice(segment, i)).filter((q) => sameFamily(q, total)).length === 1;
      if (c === "；" && colon && single && continuesAfterSemicolon(text, i + 1, total)) {
        segment = i + 1;
        continue;
      }
      return { end: i, nested, cut: false };
    }
  }
  return { end: limit, nested, cut: true };
}

/** Parts that are examples or cross-cutting traits, not a partition of the total. */
function isPartial(text: string, total: Quantity, spanStart: number, parts: Quantity[]): boolean {
  const last = parts[parts.length - 1];
  if (last && /^\s*等/.test(text.slice(last.end, last.end + 3))) {
    return true;
  }
  if (EXAMPLES.test(text.slice(total.end, parts[0]?.start ?? spanStart))) {
    return true;
  }
  return !isMoney(total) && parts.some((p) => POST_OR_TRAIT.test(labelBefore(text, p.start)));
}

/** "总支出 X 万元，其中基本支出 A 万元，项目支出 B 万元" and "20 人（其中：A 4 人，B 16 人）". */
export function inlineClaims(report: ReportText, quantities: Quantity[]): Claim[] {
  const { text } = report;
  const textEnd = text.trimEnd().length;
  const claims: Claim[] = [];
  for (const total of quantities) {
    // "205 人。其中，局机关 113 人、…" also opens a breakdown; a bracket must follow at once.
    const opener = /^(?:[\s，：:。]*(其中)\s*([：:])?|\s*(（))/.exec(text.slice(total.end, total.end + 16));
    if (!opener || total.unit === "%") {
      continue;
    }
    const spanStart = total.end + opener[0].length;
    const opening = { bracketed: opener[3] !== undefined, colon: opener[2] !== undefined, textEnd };
    const { end, nested, cut } = breakdownEnd(text, spanStart, opening, total);
    if (cut) {
      continue;
    }
    const parts = quantitiesIn(quantities, spanStart, end).filter(
      (q) =>
        sameFamily(q, total) &&
        !NOT_A_PART.test(labelBefore(text, q.start)) &&
        !nested.some(([s, e]) => q.start > s && q.start < e),
    );
    if (parts.length >= 2 && !isPartial(text, total, spanStart, parts)) {
      claims.push({
        total,
        parts,
        partsName: parts.map((p) => nameOf(report, p)).join("、"),
        totalName: nameOf(report, total),
      });
    }
  }
  return claims;
}

/** "A 30 万元，B 20 万元，合计 50 万元": a 合计/共计/总计 after its parts in one sentence. */
export function trailingTotalClaims(report: ReportText, quantities: Quantity[]): Claim[] {
  const claims: Claim[] = [];
  for (const sentence of sentenceSpans(report)) {
    const inSentence = quantitiesIn(quantities, sentence.start, sentence.end);
    let from = 0;
    inSentence.forEach((total, index) => {
      const label = labelBefore(report.text, total.start);
      if (!/合计|共计|总计/.test(label) || total.unit === "%") {
        return;
      }
      const parts = inSentence.slice(from, index).filter((q) => sameFamily(q, total));
      from = index + 1;
      if (parts.length >= 2) {
        claims.push({
          total,
          parts,
          partsName: parts.map((p) => nameOf(report, p)).join("、"),
          totalName: label.replace(/^.*?(合计|共计|总计)/, "$1"),
        });
      }
    });
  }
  return claims;
}
