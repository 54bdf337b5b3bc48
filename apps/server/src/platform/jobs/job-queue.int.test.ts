import { randomUUID } from "node:crypto";
import { asc, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/test-db.ts";
import { jobRuns } from "../../modules/jobs/jobs.schema.ts";
import { jobRunLog } from "../../modules/jobs/jobs.service.ts";
import type { Database } from "../db/client.ts";
import { type JobQueue, type PeriodicJob, startJobQueue } from "./job-queue.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runsOf(prefix: string) {
  return database.db
    .select()
    .from(jobRuns)
    .where(like(jobRuns.job, `${prefix}%`))
    .orderBy(asc(jobRuns.startedAt));
}

function start(jobs: PeriodicJob[]): Promise<JobQueue> {
  return startJobQueue({
    executeSql: database.executeSql,
    jobs,
    runLog: jobRunLog(database.db),
    say: () => {},
    retryDelaySeconds: 1,
    pollingSeconds: 0.5,
  });
}

describe("periodic jobs on pg-boss", () => {
  it("runs each tick once although two queues (two server processes) ask for it", async () => {
    const name = `t-once-${randomUUID().slice(0, 8)}`;
    let calls = 0;
    const job: PeriodicJob = {
      name,
      everyMs: 1000,
      run: async () => {
        calls += 1;
        return { rows: 1, summary: { n: 1 }, message: null };
      },
    };
    const a = await start([job]);
    const b = await start([job]);
    const began = Date.now();
    await sleep(4500);
    await a.stop();
    await b.stop();
    const elapsedTicks = Math.ceil((Date.now() - began) / 1000) + 1;
    const runs = await runsOf(name);
    const slots = runs.map((r) => r.slot.getTime());
    // Both processes tick every second; without the queue's one-job-per-tick each slot ran twice.
    expect(new Set(slots).size).toBe(slots.length);
    expect(runs.length).toBe(calls);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.length).toBeLessThanOrEqual(elapsedTicks);
    expect(runs.every((r) => r.state === "completed" && r.rowsAffected === 1)).toBe(true);
  }, 30_000);

  it("retries a failed run and records each attempt", async () => {
    const name = `t-retry-${randomUUID().slice(0, 8)}`;
    let calls = 0;
    const q = await start([
      {
        name,
        everyMs: 3600_000,
        run: async () => {
          calls += 1;
          if (calls === 1) {
            throw new Error("连接中断");
          }
          return { rows: 2, summary: {}, message: null };
        },
      },
    ]);
    for (let i = 0; i < 40 && calls < 2; i++) {
      await sleep(250);
    }
    await sleep(500);
    await q.stop();
    const runs = await runsOf(name);
    expect(runs.map((r) => [r.attempt, r.state, r.error])).toEqual([
      [1, "failed", "连接中断"],
      [2, "completed", null],
    ]);
    expect(runs[0]?.slot.getTime()).toBe(runs[1]?.slot.getTime());
  }, 30_000);
});
