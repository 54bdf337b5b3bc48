import type { Config } from "../../platform/config.ts";
import { pruneProofFailures } from "../../platform/proof-limit.ts";
import { pruneSignInState } from "../auth/auth.service.ts";
import { pruneJobRuns } from "./jobs.service.ts";
import type { JobDef } from "./periodic-jobs.ts";

const HOUR = 3600_000;

/**
 * Housekeeping on the same queue as the district's jobs, so that each runs once across processes:
 * the run history past its kept period, and throttle counters whose window is over.
 */
export function maintenanceJobs(_config: Config): JobDef[] {
  return [
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
  ];
}
