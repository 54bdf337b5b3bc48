import { and, asc, desc, eq } from "drizzle-orm";
import { RuleSchema } from "../../../../../packages/contracts/src/self-evaluation.ts";
import type { Db } from "../../platform/db/client.ts";
import type { StoredItem } from "./scoring-tree.ts";
import { evaluationItems, selfEvaluations } from "./self-evaluation.schema.ts";

export type EvaluationRow = typeof selfEvaluations.$inferSelect;

export async function findEvaluation(db: Db, tenantId: string, id: string): Promise<EvaluationRow | undefined> {
  const [row] = await db
    .select()
    .from(selfEvaluations)
    .where(and(eq(selfEvaluations.tenantId, tenantId), eq(selfEvaluations.id, id)));
  return row;
}

export async function findEvaluationsOfYear(db: Db, yearId: string): Promise<EvaluationRow[]> {
  return db
    .select()
    .from(selfEvaluations)
    .where(eq(selfEvaluations.yearId, yearId))
    .orderBy(desc(selfEvaluations.version));
}

/** Locks the row so concurrent transitions of one version serialize. */
export async function lockEvaluation(db: Db, tenantId: string, id: string): Promise<EvaluationRow | undefined> {
  const [row] = await db
    .select()
    .from(selfEvaluations)
    .where(and(eq(selfEvaluations.tenantId, tenantId), eq(selfEvaluations.id, id)))
    .for("update");
  return row;
}

export async function findItems(db: Db, tenantId: string, evaluationId: string): Promise<StoredItem[]> {
  const rows = await db
    .select()
    .from(evaluationItems)
    .where(and(eq(evaluationItems.tenantId, tenantId), eq(evaluationItems.evaluationId, evaluationId)))
    .orderBy(asc(evaluationItems.sortNo));
  return rows.map((r) => ({
    code: r.code,
    parentCode: r.parentCode,
    name: r.name,
    maxPoints: Number(r.maxPoints),
    minPoints: Number(r.minPoints),
    rule: RuleSchema.parse(r.rule),
    ruleParams: r.ruleParams,
    evidence: r.evidence,
    score: r.score === null ? null : Number(r.score),
    justification: r.justification,
    sortNo: r.sortNo,
  }));
}

export async function insertEvaluation(db: Db, row: typeof selfEvaluations.$inferInsert, items: StoredItem[]) {
  await db.insert(selfEvaluations).values(row);
  await db.insert(evaluationItems).values(
    items.map((i) => ({
      id: crypto.randomUUID(),
      tenantId: row.tenantId,
      evaluationId: row.id,
      ...i,
    })),
  );
}

export async function updateItem(
  db: Db,
  tenantId: string,
  evaluationId: string,
  code: string,
  set: Partial<StoredItem>,
): Promise<void> {
  await db
    .update(evaluationItems)
    .set(set)
    .where(
      and(
        eq(evaluationItems.tenantId, tenantId),
        eq(evaluationItems.evaluationId, evaluationId),
        eq(evaluationItems.code, code),
      ),
    );
}

export async function updateEvaluation(
  db: Db,
  tenantId: string,
  id: string,
  set: Partial<EvaluationRow>,
): Promise<void> {
  await db
    .update(selfEvaluations)
    .set(set)
    .where(and(eq(selfEvaluations.tenantId, tenantId), eq(selfEvaluations.id, id)));
}
