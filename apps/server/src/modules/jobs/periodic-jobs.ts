import type { JobName } from "../../../../../packages/contracts/src/jobs.ts";
import { type Clock, systemClock } from "../../platform/clock.ts";
import type { Config } from "../../platform/config.ts";
import type { Db } from "../../platform/db/client.ts";
import type { JobOutcome, PeriodicJob } from "../../platform/jobs/job-queue.ts";
import { runHallJobs } from "../appointments/slots.job.ts";
import { runRequestReminders } from "../data-sharing/request-reminders.job.ts";
import { runDeferralJob } from "../deferrals/deferrals.job.ts";
import { applyDefaultRatings } from "../evaluations/evaluations.service.ts";
import { runEscalation } from "../work-orders/escalation.job.ts";
import { maintenanceJobs } from "./maintenance-jobs.ts";

const MINUTE = 60_000;

/** What a job runs with: the database, the clock, the configuration and the process log. */
export type JobDeps = { db: Db; clock: Clock; config: Config; say(line: string): void };
export type JobDef = { name: JobName; everyMs: number; run(deps: JobDeps): Promise<JobOutcome> };

/** The district's periodic jobs. Each is idempotent, so a retry or a late overlap writes nothing twice. */
const JOBS: readonly JobDef[] = [
  {
    name: "escalation",
    everyMs: 5 * MINUTE,
    // Escalation and default ratings keep to real time even when a test starts the clock elsewhere.
    run: async ({ db }) => {
      const r = await runEscalation(db, systemClock);
      return {
        rows: r.raised,
        summary: { checked: r.checked, raised: r.raised },
        message: r.raised > 0 ? `超期督办：检查 ${r.checked} 件，升级 ${r.raised} 件` : null,
      };
    },
  },
  {
    name: "default-ratings",
    everyMs: 10 * MINUTE,
    run: async ({ db }) => {
      const n = await applyDefaultRatings(db, systemClock);
      return {
        rows: n,
        summary: { rated: n },
        message: n > 0 ? `默认好评：${n} 件服务超期未评价，记为基本满意` : null,
      };
    },
  },
  {
    name: "hall-slots",
    everyMs: 60 * MINUTE,
    run: async ({ db, clock }) => {
      const r = await runHallJobs(db, clock);
      return {
        rows: r.created + r.noShows,
        summary: { halls: r.halls, created: r.created, noShows: r.noShows },
        message:
          r.created > 0 || r.noShows > 0
            ? `预约时段：${r.halls} 个大厅新增 ${r.created} 个时段；新记爽约 ${r.noShows} 个`
            : null,
      };
    },
  },
  {
    name: "deferrals",
    everyMs: 10 * MINUTE,
    run: async ({ db, clock }) => {
      const r = await runDeferralJob(db, clock);
      return {
        rows: r.reminded + r.terminated,
        summary: { reminded: r.reminded, terminated: r.terminated },
        message:
          r.reminded > 0 || r.terminated > 0 ? `容缺受理：提醒 ${r.reminded} 次，逾期终止 ${r.terminated} 件` : null,
      };
    },
  },
  {
    name: "data-request-reminders",
    everyMs: 10 * MINUTE,
    run: async ({ db, clock }) => {
      const r = await runRequestReminders(db, clock);
      return {
        rows: r.reminded,
        summary: { checked: r.checked, reminded: r.reminded },
        message: r.reminded > 0 ? `共享申请审批期限：提醒提供方 ${r.reminded} 件` : null,
      };
    },
  },
];

/** The jobs bound to their dependencies; `everyMs` replaces every interval (tests tick fast). */
export function periodicJobs(deps: JobDeps, everyMs?: number): PeriodicJob[] {
  return [...JOBS, ...maintenanceJobs(deps.config)].map((j) => ({
    name: j.name,
    everyMs: everyMs ?? j.everyMs,
    run: () => j.run(deps),
  }));
}
