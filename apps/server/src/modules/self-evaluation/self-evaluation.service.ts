import { randomUUID } from "node:crypto";
import type { Evaluation, UpdateItemInput } from "../../../../../packages/contracts/src/self-evaluation.ts";
import { EvaluationStatusSchema } from "../../../../../packages/contracts/src/self-evaluation.ts";
import type { Ctx } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError, authorize, conflict, notFound, validation } from "../../platform/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { canApproveEvaluation, canEditBudget } from "../budget/budget.policy.ts";
import { readYearData, viewableYear, viewableYearById } from "../budget/budget.service.ts";
import { GUANGZHOU_TREE, parentOf } from "./default-tree.ts";
import type { RuleInputs } from "./scoring-rules.ts";
import { type ScoredTree, type StoredItem, scoreTree } from "./scoring-tree.ts";
import {
  type EvaluationRow,
  findEvaluation,
  findEvaluationsOfYear,
  findItems,
  insertEvaluation,
  lockEvaluation,
  updateEvaluation,
  updateItem,
} from "./self-evaluation.repo.ts";
import { contentHash } from "./snapshot.ts";

const who = (ctx: Ctx) => (ctx.actor.kind === "user" ? ctx.actor.displayName : "系统");

/** The figures the automatic rules read, from the budget module. */
export async function ruleInputs(db: Db, tenantId: string, year: number): Promise<RuleInputs | null> {
  const read = await readYearData(db, tenantId, year);
  if (!read) {
    return null;
  }
  const { data, summary } = read;
  return {
    budgetFen: data.year.basicBudgetFen + summary.projectBudgetFen,
    // The 决算 statement's figures when entered: the score must read what the report states.
    executedFen: data.year.finalExpenditureFen ?? data.year.basicExecutedFen + summary.projectExecutedFen,
    carryOverFen: data.year.finalClosingBalanceFen ?? summary.carryOverFen,
    fiscalBudgetFen: summary.fiscalBudgetFen,
    fiscalActualFen: summary.fiscalActualFen,
    procurementPlanFen: data.year.procurementPlanFen,
    procurementActualFen: data.year.procurementActualFen,
    fixedAssetsTotalFen: data.year.fixedAssetsTotalFen,
    fixedAssetsInUseFen: data.year.fixedAssetsInUseFen,
    publicFundsBudgetFen: data.year.publicFundsBudgetFen,
    publicFundsActualFen: data.year.publicFundsActualFen,
    threePublicBudgetFen: data.year.threePublicBudgetFen,
    threePublicActualFen: data.year.threePublicActualFen,
    indicators: summary.indicators,
    indicatorsMet: summary.indicatorsMet,
  };
}

async function load(ctx: Ctx, id: string) {
  const row = await findEvaluation(ctx.db, ctx.actor.tenantId, id);
  if (!row) {
    throw notFound("self_evaluation");
  }
  const year = await viewableYearOf(ctx, row);
  return { row, year };
}

async function viewableYearOf(ctx: Ctx, row: EvaluationRow) {
  const y = await viewableYearById(ctx, row.yearId);
  if (!y) {
    throw notFound("self_evaluation");
  }
  return y;
}

/** Scores a version: drafts live from today's data, submitted and approved ones as frozen. */
export async function scoreEvaluation(db: Db, row: EvaluationRow, year: number): Promise<ScoredTree> {
  const items = await findItems(db, row.tenantId, row.id);
  const live = row.status === "draft";
  return scoreTree(items, live ? await ruleInputs(db, row.tenantId, year) : null, live);
}

function toDto(ctx: Ctx, row: EvaluationRow, year: { year: number; scopePath: string }, tree: ScoredTree): Evaluation {
  const status = EvaluationStatusSchema.parse(row.status);
  const editor = canEditBudget(ctx.actor, year.scopePath);
  return {
    id: row.id,
    year: year.year,
    version: row.version,
    status,
    items: tree.items,
    total: tree.total,
    grade: tree.grade,
    contentHash: row.contentHash,
    hashValid: row.snapshot ? contentHash(row.snapshot) === row.contentHash : null,
    submittedBy: row.submittedBy,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    missing: tree.missing,
    can: {
      edit: editor && status === "draft",
      submit: editor && status === "draft",
      approve: canApproveEvaluation(ctx.actor, year.scopePath) && status === "submitted",
      revise: editor && status === "approved",
    },
  };
}

export async function getEvaluation(ctx: Ctx, id: string): Promise<Evaluation> {
  const { row, year } = await load(ctx, id);
  return toDto(ctx, row, year, await scoreEvaluation(ctx.db, row, year.year));
}

export async function listEvaluations(ctx: Ctx, year: number) {
  const y = await viewableYear(ctx, year);
  return (await findEvaluationsOfYear(ctx.db, y.id)).map((r) => ({
    id: r.id,
    year,
    version: r.version,
    status: EvaluationStatusSchema.parse(r.status),
    contentHash: r.contentHash,
    approvedAt: r.approvedAt?.toISOString() ?? null,
  }));
}

/** Starts a year's first version from the Guangzhou tree. @throws conflict when one exists */
export async function createEvaluation(ctx: Ctx, year: number): Promise<Evaluation> {
  const y = await viewableYear(ctx, year);
  authorize(canEditBudget(ctx.actor, y.scopePath), "只有财务绩效专员可以开展绩效自评");
  if ((await findEvaluationsOfYear(ctx.db, y.id)).length > 0) {
    throw conflict(`${year} 年度已有绩效自评，请在原版本上修改或新建版本`);
  }
  const id = randomUUID();
  const items: StoredItem[] = GUANGZHOU_TREE.map((n, i) => ({
    code: n.code,
    parentCode: parentOf(n.code),
    name: n.name,
    maxPoints: n.maxPoints,
    minPoints: n.minPoints ?? 0,
    rule: n.rule,
    ruleParams: n.ruleParams ?? {},
    evidence: n.evidence ?? "",
    score: null,
    justification: null,
    sortNo: i + 1,
  }));
  await ctx.db.transaction(async (tx) => {
    await insertEvaluation(
      tx,
      { id, tenantId: ctx.actor.tenantId, yearId: y.id, version: 1, status: "draft", snapshot: null },
      items,
    );
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "self_evaluation.create",
        entityType: "self_evaluation",
        entityId: id,
        scopePath: y.scopePath,
        summary: { year, version: 1 },
      },
    );
  });
  return getEvaluation(ctx, id);
}

/** Scores a manual item (with a justification) or edits a node of the draft's tree. */
export async function updateEvaluationItem(
  ctx: Ctx,
  id: string,
  code: string,
  input: UpdateItemInput,
): Promise<Evaluation> {
  const { row, year } = await load(ctx, id);
  authorize(canEditBudget(ctx.actor, year.scopePath), "只有财务绩效专员可以评分");
  if (row.status !== "draft") {
    throw conflict("已提交或已审定的版本不可修改；已审定的请新建版本", { code: "evaluation_frozen" });
  }
  const items = await findItems(ctx.db, ctx.actor.tenantId, id);
  const item = items.find((i) => i.code === code);
  if (!item) {
    throw notFound("evaluation_item");
  }
  const isLeaf = !items.some((i) => i.parentCode === code);
  if (input.score !== undefined && input.score !== null) {
    if (item.rule !== "manual" || !isLeaf) {
      throw validation([{ path: "score", message: "该项由系统按规则自动计分或由下级汇总，不能手工打分" }]);
    }
    const max = input.maxPoints ?? item.maxPoints;
    if (input.score > max || input.score < item.minPoints) {
      throw validation([{ path: "score", message: `得分须在 ${item.minPoints} 至 ${max} 分之间` }]);
    }
    if ((input.justification ?? item.justification ?? "").trim().length < 4) {
      throw validation([{ path: "justification", message: "人工评分须写明评分理由（至少4个字）" }]);
    }
  }
  const set: Partial<StoredItem> = {};
  for (const k of ["score", "justification", "maxPoints", "evidence", "ruleParams"] as const) {
    if (input[k] !== undefined) {
      Object.assign(set, { [k]: input[k] });
    }
  }
  await ctx.db.transaction(async (tx) => {
    const locked = await lockEvaluation(tx, ctx.actor.tenantId, id);
    if (locked?.status !== "draft") {
      throw conflict("该版本已提交，不可修改", { code: "evaluation_frozen" });
    }
    await updateItem(tx, ctx.actor.tenantId, id, code, set);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "self_evaluation.item_update",
        entityType: "self_evaluation",
        entityId: id,
        scopePath: year.scopePath,
        summary: { code, before: item, after: set },
      },
    );
  });
  return getEvaluation(ctx, id);
}

async function transition(
  ctx: Ctx,
  id: string,
  from: string,
  action: string,
  change: (tx: Db, row: EvaluationRow, year: { year: number; scopePath: string }) => Promise<Record<string, unknown>>,
): Promise<Evaluation> {
  const { year } = await load(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const row = await lockEvaluation(tx, ctx.actor.tenantId, id);
    if (!row || row.status !== from) {
      throw new AppError("conflict", `当前状态不能执行此操作（现为“${row?.status ?? "无"}”）`, {
        code: "invalid_transition",
      });
    }
    const summary = await change(tx, row, year);
    await recordAudit(
      { ...ctx, db: tx },
      {
        action,
        entityType: "self_evaluation",
        entityId: id,
        scopePath: year.scopePath,
        summary: { version: row.version, ...summary },
      },
    );
  });
  return getEvaluation(ctx, id);
}

/** Freezes the draft's automatic scores. @throws validation listing unscored items */
export async function submitEvaluation(ctx: Ctx, id: string): Promise<Evaluation> {
  const { row, year } = await load(ctx, id);
  authorize(canEditBudget(ctx.actor, year.scopePath), "只有财务绩效专员可以提交自评");
  const tree = await scoreEvaluation(ctx.db, row, year.year);
  if (tree.missing.length > 0) {
    throw validation(tree.missing.map((m) => ({ path: m, message: "尚未评分" })));
  }
  return transition(ctx, id, "draft", "self_evaluation.submit", async (tx) => {
    for (const item of tree.items.filter((i) => i.rule !== "manual" && i.rule !== "sum")) {
      await updateItem(tx, ctx.actor.tenantId, id, item.code, { score: item.score, justification: item.computation });
    }
    await updateEvaluation(tx, ctx.actor.tenantId, id, {
      status: "submitted",
      submittedBy: who(ctx),
      submittedAt: ctx.clock.now(),
    });
    return { total: tree.total, grade: tree.grade };
  });
}

/** The leader approves: the version becomes an immutable snapshot with its content hash. */
export async function approveEvaluation(ctx: Ctx, id: string): Promise<Evaluation> {
  const { year } = await load(ctx, id);
  authorize(canApproveEvaluation(ctx.actor, year.scopePath), "只有本部门的领导可以审定自评");
  return transition(ctx, id, "submitted", "self_evaluation.approve", async (tx, row, year) => {
    const tree = scoreTree(await findItems(tx, ctx.actor.tenantId, id), null, false);
    const snapshot = {
      tenantId: row.tenantId,
      year: year.year,
      version: row.version,
      items: tree.items,
      total: tree.total,
      grade: tree.grade,
    };
    const hash = contentHash(snapshot);
    await updateEvaluation(tx, ctx.actor.tenantId, id, {
      status: "approved",
      snapshot,
      contentHash: hash,
      approvedBy: who(ctx),
      approvedAt: ctx.clock.now(),
    });
    return { contentHash: hash, total: tree.total };
  });
}

export async function returnEvaluation(ctx: Ctx, id: string, reason: string): Promise<Evaluation> {
  const { year } = await load(ctx, id);
  authorize(canApproveEvaluation(ctx.actor, year.scopePath), "只有本部门的领导可以退回自评");
  return transition(ctx, id, "submitted", "self_evaluation.return", async (tx) => {
    await updateEvaluation(tx, ctx.actor.tenantId, id, { status: "draft", submittedBy: null, submittedAt: null });
    return { reason };
  });
}

/** A change after approval starts version + 1 as a draft copy; the approved one stays as it was. */
export async function reviseEvaluation(ctx: Ctx, id: string): Promise<Evaluation> {
  const { row, year } = await load(ctx, id);
  authorize(canEditBudget(ctx.actor, year.scopePath), "只有财务绩效专员可以新建版本");
  const versions = await findEvaluationsOfYear(ctx.db, row.yearId);
  if (row.status !== "approved" || (versions[0] && versions[0].version !== row.version)) {
    throw conflict("只能从最新的已审定版本新建版本", { code: "invalid_transition" });
  }
  const newId = randomUUID();
  const items = (await findItems(ctx.db, ctx.actor.tenantId, id)).map((i) =>
    i.rule === "manual" ? i : { ...i, score: null, justification: null },
  );
  await ctx.db.transaction(async (tx) => {
    await insertEvaluation(
      tx,
      {
        id: newId,
        tenantId: row.tenantId,
        yearId: row.yearId,
        version: row.version + 1,
        status: "draft",
        snapshot: null,
      },
      items,
    );
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: "self_evaluation.revise",
        entityType: "self_evaluation",
        entityId: newId,
        scopePath: year.scopePath,
        summary: { from: row.version, version: row.version + 1 },
      },
    );
  });
  return getEvaluation(ctx, newId);
}

const COMPARED_FIELDS = ["score", "maxPoints", "justification"] as const;

/** What changed between two versions of one year, item by item. */
export async function compareEvaluations(ctx: Ctx, fromId: string, toId: string) {
  const [a, b] = await Promise.all([getEvaluation(ctx, fromId), getEvaluation(ctx, toId)]);
  if (a.year !== b.year) {
    throw validation([{ path: "to", message: "只能比较同一年度的版本" }]);
  }
  const changes: Array<{
    code: string;
    name: string;
    field: "score" | "maxPoints" | "justification" | "added" | "removed";
    before: string | null;
    after: string | null;
  }> = [];
  const str = (x: number | string | null) => (x === null ? null : String(x));
  for (const x of a.items) {
    const y = b.items.find((i) => i.code === x.code);
    if (!y) {
      changes.push({ code: x.code, name: x.name, field: "removed", before: x.name, after: null });
      continue;
    }
    for (const field of COMPARED_FIELDS) {
      if (x[field] !== y[field]) {
        changes.push({ code: x.code, name: x.name, field, before: str(x[field]), after: str(y[field]) });
      }
    }
  }
  for (const y of b.items.filter((i) => !a.items.some((x) => x.code === i.code))) {
    changes.push({ code: y.code, name: y.name, field: "added", before: null, after: y.name });
  }
  return {
    from: { version: a.version, total: a.total, grade: a.grade },
    to: { version: b.version, total: b.total, grade: b.grade },
    changes,
  };
}

/** For the report: the latest approved version of the year, else the latest draft, scored. */
export async function latestEvaluation(db: Db, tenantId: string, year: number) {
  const y = await readYearData(db, tenantId, year);
  if (!y) {
    return undefined;
  }
  const versions = await findEvaluationsOfYear(db, y.data.year.id);
  const row = versions.find((v) => v.status === "approved") ?? versions[0];
  return row
    ? { id: row.id, version: row.version, status: row.status, tree: await scoreEvaluation(db, row, year) }
    : undefined;
}
