import { and, desc, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { exportTasks } from "./export-tasks.schema.ts";

export type ExportTaskRow = typeof exportTasks.$inferSelect;
export type NewExportTaskRow = typeof exportTasks.$inferInsert;

export async function insertExportTask(db: Db, row: NewExportTaskRow): Promise<ExportTaskRow | undefined> {
  const [inserted] = await db.insert(exportTasks).values(row).returning();
  return inserted;
}

/** One of the user's own tasks: another user's task, even in the same unit, is not found. */
export async function findOwnExportTask(
  db: Db,
  tenantId: string,
  userId: string,
  id: string,
): Promise<ExportTaskRow | undefined> {
  const [row] = await db
    .select()
    .from(exportTasks)
    .where(and(eq(exportTasks.id, id), eq(exportTasks.tenantId, tenantId), eq(exportTasks.userId, userId)));
  return row;
}

/** The user's unexpired tasks, newest first. */
export async function findOwnExportTasks(db: Db, tenantId: string, userId: string, now: Date, limit: number) {
  return db
    .select()
    .from(exportTasks)
    .where(and(eq(exportTasks.tenantId, tenantId), eq(exportTasks.userId, userId), gt(exportTasks.expiresAt, now)))
    .orderBy(desc(exportTasks.createdAt))
    .limit(limit);
}

/** The rows written so far, and the heartbeat that says the writing process is alive. */
export async function updateExportProgress(
  db: Db,
  tenantId: string,
  id: string,
  rows: number,
  now: Date,
): Promise<void> {
  await db
    .update(exportTasks)
    .set({ rows, heartbeatAt: now })
    .where(and(eq(exportTasks.id, id), eq(exportTasks.tenantId, tenantId)));
}

export async function finishExportTask(
  db: Db,
  tenantId: string,
  id: string,
  result: { state: "done" | "failed"; rows: number; error: string | null; finishedAt: Date },
): Promise<void> {
  await db
    .update(exportTasks)
    .set(result)
    .where(and(eq(exportTasks.id, id), eq(exportTasks.tenantId, tenantId)));
}

/** Deletes the tasks expired by `now` and returns their ids (their files go too). */
export async function deleteExpiredExportTasks(db: Db, now: Date): Promise<string[]> {
  const rows = await db.delete(exportTasks).where(lt(exportTasks.expiresAt, now)).returning({ id: exportTasks.id });
  return rows.map((r) => r.id);
}

/** Running tasks whose heartbeat is older than `staleBefore`: their process stopped, no one will finish them. */
export async function failStaleExportTasks(db: Db, staleBefore: Date, now: Date, message: string): Promise<number> {
  const rows = await db
    .update(exportTasks)
    .set({ state: "failed", error: message, finishedAt: now })
    .where(and(eq(exportTasks.state, "running"), lt(exportTasks.heartbeatAt, staleBefore)))
    .returning({ id: exportTasks.id });
  return rows.length;
}
