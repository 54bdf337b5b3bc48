import type { EvaluationItem, Rule } from "../../../../../packages/contracts/src/self-evaluation.ts";
import { gradeOf, type RuleInputs, roundPoints, scoreRule } from "./scoring-rules.ts";

export type StoredItem = {
  code: string;
  parentCode: string | null;
  name: string;
  maxPoints: number;
  minPoints: number;
  rule: Rule;
  ruleParams: Record<string, number>;
  evidence: string;
  score: number | null;
  justification: string | null;
  sortNo: number;
};

export type ScoredTree = {
  items: EvaluationItem[];
  total: number | null;
  grade: "优" | "良" | "中" | "差" | null;
  /** Leaves still without a score (manual ones not yet given, auto ones lacking data). */
  missing: string[];
};

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

/**
 * Scores the tree bottom-up: leaves by their rule (automatic rules from `inputs` when `live`,
 * else as stored), groups as the sum of their children capped at the group's maximum.
 */
export function scoreTree(stored: StoredItem[], inputs: RuleInputs | null, live: boolean): ScoredTree {
  const byParent = new Map<string | null, StoredItem[]>();
  for (const s of stored) {
    byParent.set(s.parentCode, [...(byParent.get(s.parentCode) ?? []), s]);
  }
  const out = new Map<string, EvaluationItem>();
  const missing: string[] = [];
  const visit = (s: StoredItem): number | null => {
    const children = byParent.get(s.code) ?? [];
    if (children.length > 0) {
      const scores = children.map(visit);
      const known = scores.every((x) => x !== null);
      const raw = known ? roundPoints(scores.reduce<number>((a, b) => a + (b ?? 0), 0)) : null;
      const score = raw === null ? null : clamp(raw, s.minPoints, s.maxPoints);
      out.set(s.code, {
        ...base(s),
        score,
        rawSum: raw,
        capped: raw !== null && score !== raw,
        justification: null,
        computation:
          raw !== null && score !== raw ? `各项得分合计 ${raw} 分，超过分值 ${s.maxPoints} 分，按 ${score} 分计` : null,
      });
      return score;
    }
    let score = s.score;
    let computation: string | null = null;
    if (s.rule !== "manual" && s.rule !== "sum") {
      if (live && inputs) {
        const r = scoreRule(s.rule, s.ruleParams, s.maxPoints, inputs);
        score = r.score === null ? null : clamp(r.score, s.minPoints, s.maxPoints);
        computation = r.computation;
      } else {
        computation = s.justification;
      }
    }
    if (score === null) {
      missing.push(`${s.code} ${s.name}`);
    }
    out.set(s.code, {
      ...base(s),
      score,
      rawSum: null,
      capped: false,
      justification: s.rule === "manual" ? s.justification : null,
      computation,
    });
    return score;
  };
  const roots = byParent.get(null) ?? [];
  const rootScores = roots.map(visit);
  const total = rootScores.every((x) => x !== null)
    ? roundPoints(rootScores.reduce<number>((a, b) => a + (b ?? 0), 0))
    : null;
  const items = [...stored].sort((a, b) => a.sortNo - b.sortNo).flatMap((s) => out.get(s.code) ?? []);
  return { items, total, grade: total === null ? null : gradeOf(total), missing };
}

function base(s: StoredItem) {
  return {
    code: s.code,
    parentCode: s.parentCode,
    name: s.name,
    maxPoints: s.maxPoints,
    minPoints: s.minPoints,
    rule: s.rule,
    ruleParams: s.ruleParams,
    evidence: s.evidence,
  };
}
