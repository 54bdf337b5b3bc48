import { and, eq, inArray, isNotNull, lte, type SQL, sql } from "drizzle-orm";
import { pathInScope } from "../../platform/access.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { dataRequestReminders, dataRequests } from "./data-sharing.schema.ts";

export type ReminderStage = "due_soon" | "overdue";

/** Pending requests of every tenant (or one) due before the horizon: those a reminder may concern. */
export async function findPendingDueBefore(db: Db, horizon: Date, tenantId?: string) {
  return db
    .select({
      id: dataRequests.id,
      tenantId: dataRequests.tenantId,
      providerPath: dataRequests.providerPath,
      dueAt: dataRequests.dueAt,
    })
    .from(dataRequests)
    .where(
      and(
        eq(dataRequests.status, "pending"),
        isNotNull(dataRequests.dueAt),
        lte(dataRequests.dueAt, horizon),
        tenantId ? eq(dataRequests.tenantId, tenantId) : undefined,
      ),
    );
}

/** Records the stage's reminder unless it was recorded before; true when this call recorded it. */
export async function claimReminder(db: Db, row: typeof dataRequestReminders.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(dataRequestReminders)
    .values(row)
    .onConflictDoNothing({ target: [dataRequestReminders.requestId, dataRequestReminders.stage] })
    .returning({ id: dataRequestReminders.id });
  return inserted.length > 0;
}

/** The latest stage reminded of each request (已超期 over 即将到期). */
export async function remindedStages(db: Db, ids: readonly string[]): Promise<Map<string, ReminderStage>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ requestId: dataRequestReminders.requestId, stage: dataRequestReminders.stage })
    .from(dataRequestReminders)
    .where(inArray(dataRequestReminders.requestId, [...ids]));
  const out = new Map<string, ReminderStage>();
  for (const r of rows) {
    if (r.stage === "overdue" || !out.has(r.requestId)) {
      out.set(r.requestId, r.stage as ReminderStage);
    }
  }
  return out;
}

/** A pending request whose latest reminder is the stage (the list filter and the workbench count agree). */
export function remindedAt(stage: ReminderStage): SQL {
  const has = (s: ReminderStage) =>
    sql`exists (select 1 from data_request_reminders m where m.request_id = ${dataRequests.id} and m.stage = ${s})`;
  return stage === "overdue"
    ? sql`(${dataRequests.status} = 'pending' and ${has("overdue")})`
    : sql`(${dataRequests.status} = 'pending' and ${has("due_soon")} and not ${has("overdue")})`;
}

/** Pending requests to be decided inside the scope whose latest reminder is the stage. */
export async function countReminded(db: Db, tenantId: string, paths: readonly string[], stage: ReminderStage) {
  const [r] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${dataRequests}
        where ${and(eq(dataRequests.tenantId, tenantId), pathInScope(dataRequests.providerPath, paths), remindedAt(stage))}`,
  );
  return Number(r?.n ?? 0);
}
