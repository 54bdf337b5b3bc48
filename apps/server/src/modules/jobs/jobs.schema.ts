import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * One attempt of a periodic job (a retry is a new row with the next attempt number). System-wide:
 * each job sweeps every tenant, like pg-boss's own tables, so the row carries no tenant.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey(),
    job: text("job").notNull(),
    queueJobId: text("queue_job_id"),
    /** The tick this run belongs to: every process asks for the tick, one run does it. */
    slot: timestamp("slot", { withTimezone: true, precision: 3 }).notNull(),
    attempt: integer("attempt").notNull(),
    /** Which server process ran it (host:pid), to see the work spread over instances. */
    host: text("host").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true, precision: 3 }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true, precision: 3 }),
    state: text("state").notNull(),
    error: text("error"),
    rowsAffected: integer("rows_affected"),
    summary: jsonb("summary").notNull().default({}),
  },
  (t) => [
    index("job_runs_started_idx").on(t.startedAt.desc()),
    index("job_runs_job_started_idx").on(t.job, t.startedAt.desc()),
  ],
);
