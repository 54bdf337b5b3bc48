import type { ReportText } from "./normalize-text.ts";
import type { NumberedItem, Outline } from "./numbering.ts";
import {
  findQuantities,
  formatNumber,
  formatQuantity,
  inYuan,
  isMoney,
  labelBefore,
  MONEY_FACTORS,
  type Quantity,
  sentenceSpans,
} from "./quantities.ts";
import type { Finding } from "./report-check.service.ts";

function sameFamily(a: Quantity, b: Quantity): boolean {
  return isMoney(a) ? isMoney(b) : a.unit === b.unit;
}

/** Parts rounded to d decimals may drift from a rounded total by half a unit each. */
function tolerance(quantities: Quantity[]): number {
  const decimals = Math.max(...quantities.map((q) => q.decimals));
  return decimals === 0 ? 1e-9 : 0.5 * 10 ** -decimals * quantities.length + 1e-9;
}

interface Claim {
  total: Quantity;
  parts: Quantity[];
  /** How the parts are named in the message, e.g. "基本支出、项目支出". */
  partsName: string;
  totalName: string;
}

/**
 * Compares a total with its parts. Money is compared in 元; when the figures agree but the units
 * do not ("总支出 9167.05 元，其中…万元"), the unit is the slip, not the sum.
 */
function judge(report: ReportText, claim: Claim): Finding | undefined {
  const { total, parts } = claim;
  const all = [total, ...parts];
  const money = isMoney(total);
  const sum = parts.reduce((acc, q) => acc + (money ? inYuan(q) : q.value), 0);
  const totalValue = money ? inYuan(total) : total.value;
  const scale = money ? (MONEY_FACTORS[total.unit] ?? 1) : 1;
  if (Math.abs(sum - totalValue) <= tolerance(all) * scale) {
    return undefined;
  }
  const decimals = Math.max(...all.map((q) => q.decimals));
  const line = report.lineOf(total.start);
  const literalSum = parts.reduce((acc, q) => acc + q.value, 0);
  if (money && Math.abs(literalSum - total.value) <= tolerance(all)) {
    const odd = all.filter((q) => q.unit !== total.unit);
    const culprit = odd.length === 1 && odd[0] ? odd[0] : total;
    const majority = culprit === total ? (parts[0]?.unit ?? total.unit) : total.unit;
    return {
      kind: "unit_mismatch",
      line: report.lineOf(culprit.start),
      stated: formatQuantity(culprit),
      computed: `${culprit.literal} ${majority}`,
      message: `${claim.totalName}与${claim.partsName}数值相符但单位不一致：${formatQuantity(culprit)}应为 ${culprit.literal} ${majority}`,
    };
  }
  const computedValue = money ? sum / scale : sum;
  const computed = `${formatNumber(computedValue, decimals)}${total.unit === "%" ? "%" : ` ${total.unit}`}`;
  return {
    kind: "sum_mismatch",
    line,
    stated: formatQuantity(total),
    computed,
    message: `${claim.partsName}之和为 ${computed}，与所述${claim.totalName} ${formatQuantity(total)}不符`,
  };
}

function nameOf(report: ReportText, q: Quantity): string {
  return labelBefore(report.text, q.start).replace(/^(其中|包括|含)/, "") || "该数";
}

// A change or a share mentioned after the breakdown ("较上年增加 5 万元") is not one of its parts.
const NOT_A_PART = /较|同比|比上年|上年|增长|增加|减少|下降|节约|节省/;

/**
 * Where the breakdown after a total ends: at the bracket that closes it ("（其中：…）"), or for
 * "其中" at the end of the sentence. Brackets nested inside the breakdown are returned so that
 * figures in them ("A 10 人（含 B 2 人）") are not counted twice.
 */
function breakdownEnd(text: string, from: number, bracketed: boolean): { end: number; nested: [number, number][] } {
  const nested: [number, number][] = [];
  let depth = 0;
  let nestedStart = -1;
  for (let i = from; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c === "\n") {
      return { end: i, nested };
    }
    if (c === "（") {
      depth++;
      if (depth === 1) {
        nestedStart = i;
      }
    } else if (c === "）") {
      if (depth === 0) {
        return { end: i, nested };
      }
      depth--;
      if (depth === 0) {
        nested.push([nestedStart, i]);
      }
    } else if (depth === 0 && !bracketed && /[。；]/.test(c)) {
      return { end: i, nested };
    }
  }
  return { end: text.length, nested };
}

/** "总支出 X 万元，其中基本支出 A 万元，项目支出 B 万元" and "20 人（其中：A 4 人，B 16 人）". */
function inlineClaims(report: ReportText, quantities: Quantity[]): Claim[] {
  const { text } = report;
  const claims: Claim[] = [];
  for (const total of quantities) {
    // "205 人。其中，局机关 113 人、…" also opens a breakdown; a bracket must follow at once.
    const opener = /^(?:[\s，：:。]*(其中)|\s*(（))/.exec(text.slice(total.end, total.end + 16));
    if (!opener || total.unit === "%") {
      continue;
    }
    const spanStart = total.end + opener[0].length;
    const { end, nested } = breakdownEnd(text, spanStart, opener[2] !== undefined);
    const parts = quantities.filter(
      (q) =>
        q.start >= spanStart &&
        q.end <= end &&
        sameFamily(q, total) &&
        !NOT_A_PART.test(labelBefore(text, q.start)) &&
        !nested.some(([s, e]) => q.start > s && q.start < e),
    );
    if (parts.length >= 2) {
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
function trailingTotalClaims(report: ReportText, quantities: Quantity[]): Claim[] {
  const claims: Claim[] = [];
  for (const sentence of sentenceSpans(report)) {
    const inSentence = quantities.filter((q) => q.start >= sentence.start && q.end <= sentence.end);
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

// Accounting identities that hold in every department's report.
const IDENTITIES: { total: string; parts: string[] }[] = [
  { total: "总支出", parts: ["基本支出", "项目支出"] },
  { total: "基本支出", parts: ["人员经费", "公用经费"] },
];

/** The identities above, when the report states all three figures but not as one 其中 sentence. */
function identityClaims(report: ReportText, quantities: Quantity[], covered: Set<Quantity>): Claim[] {
  const claims: Claim[] = [];
  const money = quantities.filter(isMoney);
  const first = (name: string): Quantity | undefined =>
    money.find((q) => labelBefore(report.text, q.start).endsWith(name));
  for (const identity of IDENTITIES) {
    const total = first(identity.total);
    const parts = identity.parts.map(first);
    if (!total || covered.has(total) || parts.some((p) => p === undefined)) {
      continue;
    }
    claims.push({
      total,
      parts: parts.filter((p): p is Quantity => p !== undefined),
      partsName: identity.parts.join("、"),
      totalName: identity.total,
    });
  }
  return claims;
}

/**
 * A numbered list whose every item opens with an amount under the same name ("年度预算数 X 万元")
 * adds up to a total the report states elsewhere: a figure named like the list's heading
 * ("各重点任务项目支出…" ↔ "项目支出 X 万元"), or else one beside the count of listed items.
 */
function listClaims(report: ReportText, quantities: Quantity[], outline: Outline): Claim[] {
  const claims: Claim[] = [];
  const parents: (NumberedItem | undefined)[] = [undefined, ...outline.items];
  for (const parent of parents) {
    const siblings = parent ? parent.children : outline.roots;
    for (const rank of new Set(siblings.map((s) => s.marker.rank))) {
      const list = siblings.filter((s) => s.marker.rank === rank);
      if (list.length < 3) {
        continue;
      }
      const firsts = list.map((item) =>
        quantities.find((q) => q.start >= item.contentStart && q.end <= item.contentEnd && isMoney(q)),
      );
      const labels = firsts.map((q) => (q ? labelBefore(report.text, q.start) : ""));
      const label = labels[0] ?? "";
      if (label === "" || firsts.some((q) => q === undefined) || labels.some((l) => l !== label)) {
        continue;
      }
      const items = firsts.filter((q): q is Quantity => q !== undefined);
      const claim = listTotal(report, quantities, parent, list, items, label);
      // Items may give several amounts (预算数, 完成数): a total that equals the sum of any one of
      // these columns agrees with the list (项目支出 is what was spent, not what was budgeted).
      if (claim && !columnSums(report, quantities, list).some((sum) => Math.abs(sum - claim.total.value) < 0.005)) {
        claims.push(claim);
      }
    }
  }
  return claims;
}

/** Sums of the k-th amount of every item, for each k where all items name that amount alike. */
function columnSums(report: ReportText, quantities: Quantity[], list: NumberedItem[]): number[] {
  const perItem = list.map((item) =>
    quantities.filter((q) => q.start >= item.contentStart && q.end <= item.contentEnd && isMoney(q)),
  );
  const width = Math.min(...perItem.map((qs) => qs.length));
  const sums: number[] = [];
  for (let k = 0; k < width; k++) {
    const column = perItem.map((qs) => qs[k]).filter((q): q is Quantity => q !== undefined);
    const names = new Set(column.map((q) => labelBefore(report.text, q.start)));
    if (names.size === 1 && column.every((q) => q.unit === column[0]?.unit)) {
      sums.push(Math.round(column.reduce((a, q) => a + q.value, 0) * 100) / 100);
    }
  }
  return sums;
}

function listTotal(
  report: ReportText,
  quantities: Quantity[],
  parent: NumberedItem | undefined,
  list: NumberedItem[],
  items: Quantity[],
  label: string,
): Claim | undefined {
  const listStart = list[0]?.start ?? 0;
  const listEnd = list[list.length - 1]?.subtreeEnd ?? 0;
  const heading = parent ? report.text.slice(parent.contentStart, parent.contentEnd).replace(/\s+/g, "") : "";
  const outside = quantities.filter((q) => isMoney(q) && (q.end <= listStart || q.start >= listEnd));
  // The majority unit of the list: a single item written in 元 is a unit slip reported on its own.
  const units = items.map((q) => q.unit);
  const unit = units.sort((a, b) => units.filter((u) => u === b).length - units.filter((u) => u === a).length)[0];
  const parts = items.map((q) => ({ ...q, unit: unit ?? q.unit }));
  let best: { q: Quantity; score: number } | undefined;
  for (const q of outside) {
    const name = labelBefore(report.text, q.start);
    for (let len = name.length; len >= 3; len--) {
      if (heading.includes(name.slice(name.length - len))) {
        if (!best || len > best.score) {
          best = { q, score: len };
        }
        break;
      }
    }
  }
  let total = best?.q;
  if (!total) {
    // "二级项目 25 个，共涉及资金 X 万元": an amount in the sentence that counts the listed items.
    for (const sentence of sentenceSpans(report)) {
      const inSentence = quantities.filter((q) => q.start >= sentence.start && q.end <= sentence.end);
      const counts = inSentence.some((q) => (q.unit === "个" || q.unit === "项") && q.value === list.length);
      const amount = inSentence.find((q) => isMoney(q) && (q.end <= listStart || q.start >= listEnd));
      if (counts && amount) {
        total = amount;
        break;
      }
    }
  }
  if (!total) {
    return undefined;
  }
  // A total in the wrong unit is its own finding; compare the figures as the list's unit.
  const asListUnit = { ...total, unit: unit ?? total.unit };
  const totalName = labelBefore(report.text, total.start).replace(/^(其中|包括|含)/, "");
  const line = report.lineOf(listStart);
  return {
    total: asListUnit,
    parts,
    partsName: `第${line}行起所列 ${list.length} 项“${label}”`,
    totalName: totalName || "总额",
  };
}

/** Totals against their parts: 其中 breakdowns, 合计 lines, accounting identities, numbered lists. */
export function checkSums(report: ReportText, outline: Outline): Finding[] {
  const quantities = findQuantities(report.text);
  const inline = [...inlineClaims(report, quantities), ...trailingTotalClaims(report, quantities)];
  const covered = new Set(inline.map((c) => c.total));
  const claims = [
    ...inline,
    ...identityClaims(report, quantities, covered),
    ...listClaims(report, quantities, outline),
  ];
  const findings: Finding[] = [];
  for (const claim of claims) {
    const finding = judge(report, claim);
    if (finding) {
      findings.push(finding);
    }
  }
  return findings;
}
