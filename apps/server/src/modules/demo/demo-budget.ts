import { randomUUID } from "node:crypto";
import { wanToFen } from "../../../../../packages/contracts/src/budget.ts";
import type { Ctx } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { createProject, readYearData, saveBudgetYear } from "../budget/budget.service.ts";
import {
  createEvaluation,
  submitEvaluation,
  updateEvaluationItem,
} from "../self-evaluation/self-evaluation.service.ts";
import {
  HUADU_2022_LEVEL1,
  HUADU_2022_MANUAL_SCORES,
  HUADU_2022_PROJECTS,
  HUADU_2022_TOTALS,
} from "./huadu-2022-budget.ts";

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
 * budget and self-evaluation services, so their rules and the audit log apply. Idempotent.
 */
export async function loadDemoBudget(
  db: Db,
  clock: Clock,
  tenantId: string,
  bureauId: string,
  year: number,
): Promise<boolean> {
  if (await readYearData(db, tenantId, year)) {
    return false;
  }
  const ctx: Ctx = {
    db,
    actor: { kind: "system", tenantId, name: "演示数据" },
    clock,
    log: { info: () => {}, warn: () => {}, error: () => {} },
    requestId: randomUUID(),
  };
  const t = HUADU_2022_TOTALS;
  await saveBudgetYear(ctx, year, {
    orgUnitId: bureauId,
    revenues: [
      { source: "fiscal_appropriation", budgetFen: fen(t.fiscalRevenueWan), actualFen: fen(t.fiscalRevenueWan) },
    ],
    basicBudgetFen: fen(t.basicExpenditureWan),
    basicExecutedFen: fen(t.basicExpenditureWan),
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
  for (const [code, parent, name, wan] of HUADU_2022_PROJECTS) {
    const amount = fen(wan);
    await createProject(ctx, year, {
      ...base,
      code: `${year}-${parent}-${code}`,
      name,
      level: 2,
      parentCode: `${year}-${parent}`,
      budgetFen: amount,
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
        { category: "satisfaction", name: "服务对象满意度", comparator: ">=", target: 90, unit: "%", actual: 95 },
      ],
    });
  }
  const ev = await createEvaluation(ctx, year);
  for (const [code, score, justification] of HUADU_2022_MANUAL_SCORES) {
    await updateEvaluationItem(ctx, ev.id, code, { score, justification });
  }
  await submitEvaluation(ctx, ev.id);
  return true;
}
