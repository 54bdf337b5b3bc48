import type { Config } from "../../platform/config.ts";
import { pruneProofFailures } from "../../platform/proof-limit.ts";
import { auditCheckpointRun } from "../audit/audit-anchor.job.ts";
import { pruneSignInState } from "../auth/auth.service.ts";
import { failInterruptedExports, purgeExpiredExports } from "../export-tasks/export-tasks.service.ts";
import { pruneJobRuns } from "./jobs.service.ts";
import type { JobDef } from "./periodic-jobs.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Housekeeping on the same queue as the district's jobs, so that each runs once across processes:
 * the run history past its kept period and throttle counters whose window is over; export tasks
 * (a stale heartbeat fails the task, an expired one goes with its file); and, with a signing key,
 * the hourly signed audit checkpoint.
 */
export function maintenanceJobs(config: Config): JobDef[] {
  const checkpoint = auditCheckpointRun(config.audit);
  const jobs: JobDef[] = [
    {
      name: "prune",
      everyMs: HOUR,
      run: async ({ db, clock, config }) => {
        const now = clock.now();
        const jobRuns = await pruneJobRuns(db, now);
        const proofFailures = await pruneProofFailures(db, now);
        const signIn = await pruneSignInState(db, now, config.auth.lockMs);
        const rows = jobRuns + proofFailures + signIn.loginFailures + signIn.sessions;
        return {
          rows,
          summary: { jobRuns, proofFailures, loginFailures: signIn.loginFailures, sessions: signIn.sessions },
          message: null,
        };
      },
    },
    {
      name: "export-tasks",
      everyMs: 5 * MINUTE,
      run: async ({ db, clock, config }) => {
        const now = clock.now();
        const failed = await failInterruptedExports(db, now);
        const purged = await purgeExpiredExports(db, now, config.exportDir);
        return {
          rows: failed + purged,
          summary: { failed, purged },
          message: failed > 0 ? `导出任务：${failed} 个因处理进程中断标记为失败` : null,
        };
      },
    },
  ];
  if (checkpoint) {
    jobs.push({
      name: "audit-checkpoint",
      everyMs: HOUR,
      run: async ({ db, say }) => {
        const anchors = await checkpoint(db, say);
        return { rows: anchors, summary: { anchors }, message: null };
      },
    });
  }
  return jobs;
}
