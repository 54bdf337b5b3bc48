import {
  type JobRun,
  type JobRunList,
  type JobRunQuery,
  JobRunStateSchema,
} from "../../../../../packages/contracts/src/jobs.ts";
import type { Ctx } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { forbidden } from "../../platform/errors.ts";
import type { RunLog } from "../../platform/jobs/job-queue.ts";
import { deleteJobRunsBefore, findJobRuns, finishJobRun, insertJobRun, type JobRunRow } from "./job-runs.repo.ts";
import { canReadJobRuns } from "./jobs.policy.ts";

// An error message is for the operator; a long one (a failed statement) is cut to keep the list readable.
const ERROR_MAX = 500;

/** How long the run history is kept. */
export const JOB_RUNS_KEPT_DAYS = 90;

/** Deletes runs older than the kept period; returns how many. */
export async function pruneJobRuns(db: Db, now: Date): Promise<number> {
  return deleteJobRunsBefore(db, new Date(now.getTime() - JOB_RUNS_KEPT_DAYS * 86_400_000));
}

/** The run log the job queue writes to: one job_runs row per attempt. */
export function jobRunLog(db: Db): RunLog {
  return {
    started: (run) => insertJobRun(db, run),
    finished: (id, end) =>
      finishJobRun(db, id, end.state === "failed" ? { ...end, error: end.error.slice(0, ERROR_MAX) } : end),
  };
}

/** The jobs' run history, newest first. Jobs sweep every tenant, so only a tenant-root admin reads it. */
export async function listJobRuns(ctx: Ctx, query: JobRunQuery): Promise<JobRunList> {
  if (!canReadJobRuns(ctx.actor)) {
    throw forbidden("只有对全区（租户根机构）授权的系统管理员可以查看任务运行记录");
  }
  const { rows, total } = await findJobRuns(
    ctx.db,
    { job: query.job, state: query.state },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  return { items: rows.map(toJobRunDto), total };
}

function toJobRunDto(row: JobRunRow): JobRun {
  const summary: Record<string, number> = {};
  if (row.summary !== null && typeof row.summary === "object" && !Array.isArray(row.summary)) {
    for (const [k, v] of Object.entries(row.summary)) {
      if (typeof v === "number") {
        summary[k] = v;
      }
    }
  }
  return {
    id: row.id,
    job: row.job,
    slot: row.slot.toISOString(),
    attempt: row.attempt,
    host: row.host,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    state: JobRunStateSchema.parse(row.state),
    error: row.error,
    rowsAffected: row.rowsAffected,
    summary,
  };
}
