import { createHash, randomUUID } from "node:crypto";
import { wanToFen } from "../../../../../packages/contracts/src/budget.ts";
import type { Ctx } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { addFact, createProject, getBudgetYear, readYearData, saveBudgetYear } from "../budget/budget.service.ts";
import { listParagraphs, saveParagraph } from "../reports/reports.service.ts";
import {
  createEvaluation,
  submitEvaluation,
  updateEvaluationItem,
} from "../self-evaluation/self-evaluation.service.ts";
import { evidenceOf, HUADU_2022_FACTS, HUADU_2022_PARAGRAPHS } from "./demo-report-profile.ts";
import {
  HUADU_2022_LEVEL1,
  HUADU_2022_MANUAL_SCORES,
  HUADU_2022_PROJECT_PARENTS,
  HUADU_2022_TOTALS,
} from "./huadu-2022-budget.ts";
import { huadu2022Facts, wanNumberToFen, yuanToFen } from "./huadu-2022-facts.ts";

/**
 * Cumulative share of a year's spending by month end: slow in the first quarter (budgets approved,
 * tenders running), steady mid-year, the usual year-end rush. Projects shift along it by their code.
 */
const CURVE = [0.03, 0.07, 0.14, 0.22, 0.3, 0.39, 0.47, 0.55, 0.64, 0.74, 0.85, 1];

/** Twelve monthly amounts of a project executed in full, summing exactly to `amount` (fen). */
export function monthlyExecution(code: string, amount: number): number[] {
  const h = createHash("sha256").update(`budget:${code}`).digest();
  // Each follows the curve, some earlier (p < 1), some later (p > 1).
  const p = 0.6 + ((h[0] ?? 0) / 255) * 0.9;
  const cumulative = CURVE.map((c, i) => (i === 11 ? 1 : c ** p));
  const ends = cumulative.map((c) => Math.round(c * amount));
  return ends.map((e, i) => e - (i === 0 ? 0 : (ends[i - 1] ?? 0)));
}

/** A met satisfaction figure (target 90 %) that differs by project, as survey results do. */
export function satisfactionActual(code: string): number {
  const h = createHash("sha256").update(`satisfaction:${code}`).digest();
  return 91 + ((h[1] ?? 0) % 9);
}

const fen = (wan: string) => {
  const v = wanToFen(wan);
  if (v === null) {
    throw new Error(`bad amount ${wan}`);
  }
  return v;
};

/**
 * The bureau's 2022 budget (the seed's 25 projects, all executed in full, each with three met
 * indicators) and a submitted self-evaluation scored as the seed scores it. Written through the
 * budget and self-evaluation services, so their rules and the audit log apply; then the report's
 * registered facts and the bureau's own paragraphs. Idempotent; true when the year was created.
 */
export async function loadDemoBudget(
  db: Db,
  clock: Clock,
  tenantId: string,
  bureauId: string,
  year: number,
): Promise<boolean> {
  const ctx: Ctx = {
    db,
    actor: { kind: "system", tenantId, name: "演示数据" },
    clock,
    log: { info: () => {}, warn: () => {}, error: () => {} },
    requestId: randomUUID(),
  };
  const created = !(await readYearData(db, tenantId, year));
  if (created) {
    await createDemoYear(ctx, bureauId, year);
  }
  await loadDemoReportProfile(ctx, year);
  return created;
}

/**
 * The report's facts and the bureau's own texts, each added when missing (a later start adds what a
 * newer demo has and keeps what is there, including a paragraph someone edited).
 */
async function loadDemoReportProfile(ctx: Ctx, year: number) {
  const have = new Set((await getBudgetYear(ctx, year)).facts.map((f) => f.key));
  for (const fact of HUADU_2022_FACTS) {
    if (!have.has(fact.key)) {
      await addFact(ctx, year, { ...fact, evidence: evidenceOf(fact) });
    }
  }
  const edited = new Set((await listParagraphs(ctx, year)).items.filter((p) => p.edited).map((p) => p.key));
  for (const [key, text] of HUADU_2022_PARAGRAPHS) {
    if (!edited.has(key)) {
      await saveParagraph(ctx, year, key, text);
    }
  }
}

async function createDemoYear(ctx: Ctx, bureauId: string, year: number) {
  const t = HUADU_2022_TOTALS;
  const seed = huadu2022Facts();
  const f = seed.finance;
  const basicFen = wanNumberToFen(f.basicExpenditureWan);
  const fiscalFen = wanNumberToFen(f.fiscalAppropriationWan);
  await saveBudgetYear(ctx, year, {
    orgUnitId: bureauId,
    revenues: [{ source: "fiscal_appropriation", budgetFen: fiscalFen, actualFen: fiscalFen }],
    basicBudgetFen: basicFen,
    basicExecutedFen: basicFen,
    // The 决算 statement as the seed states it, its inconsistency with the project list included.
    finalRevenueFen: wanNumberToFen(f.revenueWan),
    finalOpeningBalanceFen: null,
    finalExpenditureFen: wanNumberToFen(f.expenditureWan),
    finalBasicFen: basicFen,
    finalProjectFen: wanNumberToFen(f.projectExpenditureWan),
    finalClosingBalanceFen: yuanToFen(f.carryOverYuan),
    publicFundsBudgetFen: fen(t.publicFundsBudgetWan),
    publicFundsActualFen: fen(t.publicFundsActualWan),
    threePublicBudgetFen: fen(t.threePublicBudgetWan),
    threePublicActualFen: fen(t.threePublicActualWan),
    procurementPlanFen: fen(t.procurementPlanWan),
    procurementActualFen: fen(t.procurementActualWan),
    fixedAssetsTotalFen: fen(t.fixedAssetsTotalWan),
    fixedAssetsInUseFen: fen(t.fixedAssetsInUseWan),
  });
  const base = { adjustmentFen: 0, carryOverFen: 0, fundType: "general" as const, months: null };
  for (const [code, name] of HUADU_2022_LEVEL1) {
    await createProject(ctx, year, {
      ...base,
      code: `${year}-${code}`,
      name,
      level: 1,
      parentCode: null,
      budgetFen: 0,
      executedFen: 0,
      indicators: [],
    });
  }
  for (const p of seed.projects) {
    const parent = HUADU_2022_PROJECT_PARENTS[p.no - 1] ?? "101";
    const code = String(p.no).padStart(2, "0");
    const name = p.name;
    const amount = wanNumberToFen(p.executedWan);
    await createProject(ctx, year, {
      ...base,
      // The seed states every project executed in full with every indicator met; the path there varies.
      months: monthlyExecution(`${year}-${parent}-${code}`, amount),
      code: `${year}-${parent}-${code}`,
      name,
      level: 2,
      parentCode: `${year}-${parent}`,
      budgetFen: wanNumberToFen(p.budgetWan),
      executedFen: amount,
      indicators: [
        {
          category: "output_quantity",
          name: "完成年度建设或服务任务",
          comparator: ">=",
          target: 1,
          unit: "项",
          actual: 1,
        },
        { category: "output_timeliness", name: "按时完成率", comparator: ">=", target: 100, unit: "%", actual: 100 },
        {
          category: "satisfaction",
          name: "服务对象满意度",
          comparator: ">=",
          target: 90,
          unit: "%",
          actual: satisfactionActual(`${year}-${parent}-${code}`),
        },
      ],
    });
  }
  const ev = await createEvaluation(ctx, year);
  for (const [code, score, justification] of HUADU_2022_MANUAL_SCORES) {
    await updateEvaluationItem(ctx, ev.id, code, { score, justification });
  }
  await submitEvaluation(ctx, ev.id);
}
