import { randomUUID } from "node:crypto";
import { and, count, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import type { RunEnd, RunStart } from "../../platform/jobs/job-queue.ts";
import { jobRuns } from "./jobs.schema.ts";

export type JobRunRow = typeof jobRuns.$inferSelect;

export async function insertJobRun(db: Db, run: RunStart): Promise<string> {
  const id = randomUUID();
  await db.insert(jobRuns).values({ id, ...run, state: "running" });
  return id;
}

export async function finishJobRun(db: Db, id: string, end: RunEnd): Promise<void> {
  await db
    .update(jobRuns)
    .set(
      end.state === "completed"
        ? { state: end.state, finishedAt: end.finishedAt, rowsAffected: end.rows, summary: end.summary }
        : { state: end.state, finishedAt: end.finishedAt, error: end.error },
    )
    .where(eq(jobRuns.id, id));
}

/** Newest first. */
export async function findJobRuns(
  db: Db,
  filter: { job?: string; state?: string },
  page: { offset: number; limit: number },
): Promise<{ rows: JobRunRow[]; total: number }> {
  const conds: SQL[] = [];
  if (filter.job) {
    conds.push(eq(jobRuns.job, filter.job));
  }
  if (filter.state) {
    conds.push(eq(jobRuns.state, filter.state));
  }
  const where = conds.length > 0 ? and(...conds) : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(jobRuns)
      .where(where)
      .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
      .offset(page.offset)
      .limit(page.limit),
    db.select({ n: count() }).from(jobRuns).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}

/** Deletes the runs started before `before`; returns how many. */
export async function deleteJobRunsBefore(db: Db, before: Date): Promise<number> {
  const rows = await db.delete(jobRuns).where(lt(jobRuns.startedAt, before)).returning({ id: jobRuns.id });
  return rows.length;
}
