import type { ReportText } from "./normalize-text.ts";
import type { NumberedItem, Outline } from "./numbering.ts";
import type { Finding } from "./report-check.service.ts";

// "各项得分合计 17 分，超过分值，按分值计": the report itself says the cap was applied.
const CAP_STATED = /合计\s*(\d+(?:\.\d+)?)\s*分[^。；：:]{0,20}(?:按分值计|按\s*\d+(?:\.\d+)?\s*分计|封顶)/;

// "绩效管理分值 15 分" / "满分 15 分": the item's maximum.
const MAX_SCORE = /(分值|满分|标准分|权重分)\s*[:：为是]?\s*(\d+(?:\.\d+)?)\s*分/;
// "自评得分 15 分", "自评得分 :44 分", and the report's own slip "自评得分得分 2 分".
const SCORE = /(?:自评)?得分(?:得分)?\s*[:：为是]?\s*(\d+(?:\.\d+)?)\s*分/g;
const ADJACENT_SCORE = /^[\s，,、：:；]*(?:自评)?得分(?:得分)?\s*[:：为是]?\s*(\d+(?:\.\d+)?)\s*分/;

/** A scored item of the self-evaluation: its maximum, the score it states, and the scores under it. */
interface ScoredItem {
  item: NumberedItem;
  name: string;
  max: number;
  maxOffset: number;
  /** The score stated right after the maximum ("分值 15 分，自评得分 15 分"). */
  stated: number | undefined;
  /** Scores of the sub-criteria in the item's own text (一是…自评得分 2 分；二是…). */
  subScores: number[];
  /** The sum the text says it capped ("合计 17 分…按分值计"), if it says so. */
  cappedSum: number | undefined;
}

function readScoredItem(report: ReportText, item: NumberedItem): ScoredItem | undefined {
  const own = report.text.slice(item.contentStart, item.contentEnd);
  const max = MAX_SCORE.exec(own);
  if (!max?.[2]) {
    return undefined;
  }
  const afterMax = max.index + max[0].length;
  const adjacent = ADJACENT_SCORE.exec(own.slice(afterMax));
  const subScores: number[] = [];
  const subsFrom = adjacent ? afterMax + adjacent[0].length : afterMax;
  for (const m of own.slice(subsFrom).matchAll(SCORE)) {
    subScores.push(Number(m[1]));
  }
  return {
    item,
    name: own.slice(0, max.index).replace(/\s+/g, "") || "该项",
    max: Number(max[2]),
    maxOffset: item.contentStart + max.index,
    stated: adjacent?.[1] === undefined ? undefined : Number(adjacent[1]),
    subScores,
    cappedSum: CAP_STATED.exec(own)?.[1] === undefined ? undefined : Number(CAP_STATED.exec(own)?.[1]),
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The score an item ends up with: as stated, else its only score, else its capped parts. */
function effectiveScore(s: ScoredItem, childScores: number[]): number | undefined {
  if (s.stated !== undefined) {
    return s.stated;
  }
  const parts = childScores.length > 0 ? childScores : s.subScores;
  if (parts.length === 0) {
    return undefined;
  }
  return Math.min(round(parts.reduce((a, b) => a + b, 0)), s.max);
}

/**
 * Scores against their sub-scores and maximums. A group whose parts add up to more than its 分值
 * is capped (domain rule: level-2 scores are capped at their maximum), so a stated score equal to
 * the cap is consistent and only cap_exceeded is reported; any other difference is a mismatch.
 */
export function checkScores(report: ReportText, outline: Outline): Finding[] {
  const findings: Finding[] = [];
  const scored = new Map<NumberedItem, ScoredItem>();
  for (const item of outline.items) {
    const s = readScoredItem(report, item);
    if (s) {
      scored.set(item, s);
    }
  }
  const effective = new Map<NumberedItem, number | undefined>();
  // Children before parents, so a parent adds up its children's final scores.
  const ordered = [...scored.values()].sort((a, b) => b.item.marker.rank - a.item.marker.rank);
  for (const s of ordered) {
    const childScores: number[] = [];
    for (const child of s.item.children) {
      const value = effective.get(child);
      if (value !== undefined) {
        childScores.push(value);
      }
    }
    effective.set(s.item, effectiveScore(s, childScores));
    const hasSingleScore = s.stated === undefined && childScores.length === 0 && s.subScores.length === 1;
    const parts = childScores.length > 0 ? childScores : hasSingleScore ? [] : s.subScores;
    const line = report.lineOf(s.maxOffset);
    const stated = s.stated ?? (hasSingleScore ? s.subScores[0] : undefined);
    if (stated !== undefined && stated > s.max) {
      findings.push({
        kind: "cap_exceeded",
        line,
        stated: `${s.max} 分`,
        computed: `${stated} 分`,
        message: `${s.name}自评得分 ${stated} 分，超过分值 ${s.max} 分`,
      });
    }
    if (parts.length === 0) {
      continue;
    }
    const sum = round(parts.reduce((a, b) => a + b, 0));
    // Parts over the cap are a contradiction unless the report says it applied the cap to that very sum.
    if (sum > s.max && s.cappedSum !== sum) {
      findings.push({
        kind: "cap_exceeded",
        line,
        stated: `${s.max} 分`,
        computed: `${sum} 分`,
        message: `${s.name}各项得分之和为 ${sum} 分，超过其分值 ${s.max} 分`,
      });
    }
    const expected = Math.min(sum, s.max);
    if (s.stated !== undefined && s.stated !== expected) {
      findings.push({
        kind: "score_sum_mismatch",
        line,
        stated: `${s.stated} 分`,
        computed: `${sum} 分`,
        message: `${s.name}各项得分之和为 ${sum} 分，与所述 ${s.stated} 分不符`,
      });
    }
  }
  findings.push(...checkOverallScore(report, [...scored.values()], effective));
  return findings;
}

// "部门整体支出绩效自评得分 91 分": the overall score, stated outside the scored items.
const OVERALL = /得分\s*(?:为|是|:|：)?\s*(\d+(?:\.\d+)?)\s*分/g;

/** The overall score against the sum of the top-level scored items (管理效能 + 履职效能 + 加减分). */
function checkOverallScore(
  report: ReportText,
  scored: ScoredItem[],
  effective: Map<NumberedItem, number | undefined>,
): Finding[] {
  const isScored = new Set(scored.map((s) => s.item));
  const top = scored.filter((s) => {
    for (let p = s.item.parent; p; p = p.parent) {
      if (isScored.has(p)) {
        return false;
      }
    }
    return true;
  });
  const parent = top[0]?.item.parent;
  if (top.length < 2 || top.some((s) => s.item.parent !== parent)) {
    return [];
  }
  const scores = top.map((s) => effective.get(s.item));
  if (scores.some((v) => v === undefined)) {
    return [];
  }
  const sum = round(scores.reduce<number>((a, b) => a + (b ?? 0), 0));
  const findings: Finding[] = [];
  for (const m of report.text.matchAll(OVERALL)) {
    const inside = top.some((s) => m.index >= s.item.start && m.index < s.item.subtreeEnd);
    const stated = Number(m[1]);
    if (inside || stated === sum) {
      continue;
    }
    findings.push({
      kind: "score_sum_mismatch",
      line: report.lineOf(m.index),
      stated: `${stated} 分`,
      computed: `${sum} 分`,
      message: `${top.map((s) => s.name).join("、")}得分之和为 ${sum} 分，与所述总得分 ${stated} 分不符`,
    });
  }
  return findings;
}
