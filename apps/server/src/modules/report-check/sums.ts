import { type Claim, trailingTotalClaims } from "./breakdowns.ts";
import type { ReportText } from "./normalize-text.ts";
import type { NumberedItem, Outline } from "./numbering.ts";
import {
  firstAtOrAfter,
  formatNumber,
  formatQuantity,
  inYuan,
  isMoney,
  labelBefore,
  MONEY_FACTORS,
  type Quantity,
  quantitiesIn,
  sentenceSpans,
} from "./quantities.ts";
import type { Finding } from "./report-check.service.ts";

/**
 * n parts each rounded to d decimals may drift from their total by at most n half-units
 * (n × 0.005 for amounts in hundredths); whole numbers are exact.
 */
function tolerance(total: Quantity, parts: Quantity[]): number {
  const decimals = Math.max(total.decimals, ...parts.map((q) => q.decimals));
  return decimals === 0 ? 1e-9 : 0.5 * 10 ** -decimals * parts.length + 1e-9;
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
  if (Math.abs(sum - totalValue) <= tolerance(total, parts) * scale) {
    return undefined;
  }
  const decimals = Math.max(...all.map((q) => q.decimals));
  const line = report.lineOf(total.start);
  const literalSum = parts.reduce((acc, q) => acc + q.value, 0);
  if (money && Math.abs(literalSum - total.value) <= tolerance(total, parts)) {
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

// Accounting identities that hold in every department's report.
// (基本支出 + 项目支出 = 支出 is a budget identity, checked in balance.ts.)
const IDENTITIES: { total: string; parts: string[] }[] = [{ total: "基本支出", parts: ["人员经费", "公用经费"] }];

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

/** What the list checks look up many times: labels, money in text order, totals by name and by count. */
interface ListContext {
  report: ReportText;
  money: Quantity[];
  label: (q: Quantity) => string;
  /** Money figures by the last three characters of their name, then by name, in text order. */
  bySuffix: Map<string, Map<string, Quantity[]>>;
  /** For each count of 个/项, the money figures of the sentences that state it. */
  byCount: Map<number, Quantity[][]>;
}

function listContext(report: ReportText, quantities: Quantity[]): ListContext {
  const cache = new Map<Quantity, string>();
  const label = (q: Quantity): string => {
    let l = cache.get(q);
    if (l === undefined) {
      l = labelBefore(report.text, q.start);
      cache.set(q, l);
    }
    return l;
  };
  const money = quantities.filter(isMoney);
  const bySuffix = new Map<string, Map<string, Quantity[]>>();
  for (const q of money) {
    const name = label(q);
    if (name.length < 3) {
      continue;
    }
    const suffix = name.slice(-3);
    const byName = bySuffix.get(suffix) ?? new Map<string, Quantity[]>();
    bySuffix.set(suffix, byName);
    const same = byName.get(name);
    if (same) {
      same.push(q);
    } else {
      byName.set(name, [q]);
    }
  }
  const byCount = new Map<number, Quantity[][]>();
  for (const sentence of sentenceSpans(report)) {
    const inSentence = quantitiesIn(quantities, sentence.start, sentence.end);
    const amounts = inSentence.filter(isMoney);
    for (const q of inSentence) {
      if ((q.unit === "个" || q.unit === "项") && amounts.length > 0) {
        const same = byCount.get(q.value);
        if (same) {
          same.push(amounts);
        } else {
          byCount.set(q.value, [amounts]);
        }
      }
    }
  }
  return { report, money, label, bySuffix, byCount };
}

/** The first of `qs` (in text order) outside [start, end). */
function firstOutside(qs: Quantity[], start: number, end: number): Quantity | undefined {
  const head = qs[0];
  if (head && head.end <= start) {
    return head;
  }
  return qs[firstAtOrAfter(qs, end)];
}

/**
 * A numbered list whose every item opens with an amount under the same name ("年度预算数 X 万元")
 * adds up to a total the report states elsewhere: a figure named like the list's heading
 * ("各重点任务项目支出…" ↔ "项目支出 X 万元"), or else one beside the count of listed items.
 * A list that runs to the end of the text may be cut off (an excerpt) and is not summed.
 */
function listClaims(report: ReportText, quantities: Quantity[], outline: Outline): Claim[] {
  const claims: Claim[] = [];
  const ctx = listContext(report, quantities);
  const textEnd = report.text.trimEnd().length;
  const parents: (NumberedItem | undefined)[] = [undefined, ...outline.items];
  for (const parent of parents) {
    const siblings = parent ? parent.children : outline.roots;
    if (siblings.length < 3) {
      continue;
    }
    for (const rank of new Set(siblings.map((s) => s.marker.rank))) {
      const list = siblings.filter((s) => s.marker.rank === rank);
      if (list.length < 3 || (list[list.length - 1]?.subtreeEnd ?? 0) >= textEnd) {
        continue;
      }
      const perItem = list.map((item) => quantitiesIn(ctx.money, item.contentStart, item.contentEnd));
      const firsts = perItem.map((qs) => qs[0]);
      const labels = firsts.map((q) => (q ? ctx.label(q) : ""));
      const label = labels[0] ?? "";
      if (label === "" || firsts.some((q) => q === undefined) || labels.some((l) => l !== label)) {
        continue;
      }
      const items = firsts.filter((q): q is Quantity => q !== undefined);
      const claim = listTotal(ctx, parent, list, items, label);
      // Items may give several amounts (预算数, 完成数): a total that equals the sum of any one of
      // these columns agrees with the list (项目支出 is what was spent, not what was budgeted).
      const sums = columnSums(ctx, perItem);
      if (
        claim &&
        !sums.some((sum) => Math.abs(sum - claim.total.value) < 0.005) &&
        !differenceStated(report.text, list[list.length - 1], sums, claim.total.value)
      ) {
        claims.push(claim);
      }
    }
  }
  return claims;
}

/**
 * A report that says right after the list how far its sum is from the stated total ("…合计 7298.04
 * 万元，与决算项目支出 7278.02 万元相差 20.02 万元") discloses the gap instead of contradicting itself.
 */
function differenceStated(text: string, last: NumberedItem | undefined, sums: number[], total: number): boolean {
  // From the last item on: a closing paragraph may read as part of the last item's content.
  const after = last ? text.slice(last.start, last.subtreeEnd + 300) : "";
  for (const m of after.matchAll(/相差\s*(\d+(?:\.\d+)?)/g)) {
    const gap = Number(m[1]);
    if (sums.some((sum) => Math.abs(Math.abs(sum - total) - gap) < 0.005)) {
      return true;
    }
  }
  return false;
}

/** Sums of the k-th amount of every item, for each k where all items name that amount alike. */
function columnSums(ctx: ListContext, perItem: Quantity[][]): number[] {
  const width = Math.min(...perItem.map((qs) => qs.length));
  const sums: number[] = [];
  for (let k = 0; k < width; k++) {
    const column = perItem.map((qs) => qs[k]).filter((q): q is Quantity => q !== undefined);
    const names = new Set(column.map(ctx.label));
    if (names.size === 1 && column.every((q) => q.unit === column[0]?.unit)) {
      sums.push(Math.round(column.reduce((a, q) => a + q.value, 0) * 100) / 100);
    }
  }
  return sums;
}

/** The money figure outside the list whose name best matches the heading (longest shared ending). */
function namedLikeHeading(ctx: ListContext, heading: string, listStart: number, listEnd: number): Quantity | undefined {
  let best: { q: Quantity; score: number } | undefined;
  const seen = new Set<string>();
  for (let i = 0; i + 3 <= heading.length; i++) {
    const suffix = heading.slice(i, i + 3);
    if (seen.has(suffix)) {
      continue;
    }
    seen.add(suffix);
    for (const [name, qs] of ctx.bySuffix.get(suffix) ?? []) {
      const q = firstOutside(qs, listStart, listEnd);
      if (!q) {
        continue;
      }
      let len = name.length;
      while (len >= 3 && !heading.includes(name.slice(name.length - len))) {
        len--;
      }
      if (!best || len > best.score || (len === best.score && q.start < best.q.start)) {
        best = { q, score: len };
      }
    }
  }
  return best?.q;
}

function listTotal(
  ctx: ListContext,
  parent: NumberedItem | undefined,
  list: NumberedItem[],
  items: Quantity[],
  label: string,
): Claim | undefined {
  const { report } = ctx;
  const listStart = list[0]?.start ?? 0;
  const listEnd = list[list.length - 1]?.subtreeEnd ?? 0;
  // Headings are short; the bound keeps a long parent paragraph from costing more than its opening.
  const heading = parent
    ? report.text.slice(parent.contentStart, Math.min(parent.contentEnd, parent.contentStart + 200)).replace(/\s+/g, "")
    : "";
  // The majority unit of the list: a single item written in 元 is a unit slip reported on its own.
  const counts = new Map<string, number>();
  for (const q of items) {
    counts.set(q.unit, (counts.get(q.unit) ?? 0) + 1);
  }
  const unit = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const parts = items.map((q) => ({ ...q, unit: unit ?? q.unit }));
  // "二级项目 25 个，共涉及资金 X 万元": else an amount in the sentence that counts the listed items.
  const total =
    namedLikeHeading(ctx, heading, listStart, listEnd) ??
    (ctx.byCount.get(list.length) ?? [])
      .map((amounts) => amounts.find((q) => q.end <= listStart || q.start >= listEnd))
      .find((q) => q !== undefined);
  if (!total) {
    return undefined;
  }
  // A total in the wrong unit is its own finding; compare the figures as the list's unit.
  const asListUnit = { ...total, unit: unit ?? total.unit };
  const totalName = ctx.label(total).replace(/^(其中|包括|含)/, "");
  const line = report.lineOf(listStart);
  return {
    total: asListUnit,
    parts,
    partsName: `第${line}行起所列 ${list.length} 项“${label}”`,
    totalName: totalName || "总额",
  };
}

/**
 * Totals against their parts: 其中 breakdowns (`inline`, read once by the caller), 合计 lines,
 * accounting identities, numbered lists.
 */
export function checkSums(report: ReportText, outline: Outline, quantities: Quantity[], inline: Claim[]): Finding[] {
  const stated = [...inline, ...trailingTotalClaims(report, quantities)];
  const covered = new Set(stated.map((c) => c.total));
  const claims = [
    ...stated,
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
