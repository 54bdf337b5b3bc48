import { hostname } from "node:os";
import PgBoss from "pg-boss";

/** What a run did: the rows it changed and, for the history, its counts by kind. */
export type JobOutcome = { rows: number; summary: Record<string, number>; message: string | null };

/** A job that runs every `everyMs` once across all server processes sharing the database. */
export type PeriodicJob = {
  name: string;
  everyMs: number;
  run(): Promise<JobOutcome>;
};

export type RunStart = { job: string; queueJobId: string; slot: Date; attempt: number; host: string; startedAt: Date };
export type RunEnd =
  | { state: "completed"; finishedAt: Date; rows: number; summary: Record<string, number> }
  | { state: "failed"; finishedAt: Date; error: string };

/** Where runs are recorded (the job_runs table); kept apart so the queue knows no module. */
export type RunLog = {
  started(run: RunStart): Promise<string>;
  finished(runId: string, end: RunEnd): Promise<void>;
};

export type JobQueueOptions = {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  jobs: readonly PeriodicJob[];
  runLog: RunLog;
  say(message: string): void;
  /** First retry after this many seconds, doubling after each failure (pg-boss backoff). */
  retryDelaySeconds?: number;
  retryLimit?: number;
  pollingSeconds?: number;
};

export type JobQueue = { stop(): Promise<void> };

const HOST = `${hostname()}:${process.pid}`;

/**
 * Starts pg-boss on the given connection (PostgreSQL, or PGlite through its plain-SQL adapter) and
 * the periodic jobs. Every process asks for each tick; the queue keeps one job per job name and
 * tick (pg-boss throttling: one row per singleton slot), and exactly one worker fetches it, so a
 * tick runs once however many processes serve. A failed run is retried with backoff.
 */
export async function startJobQueue(opts: JobQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => opts.executeSql(text, values) },
    schedule: false,
    supervise: true,
    migrate: true,
  });
  boss.on("error", (err) => opts.say(`任务队列错误：${err.message}`));
  await boss.start();
  const timers: NodeJS.Timeout[] = [];
  for (const job of opts.jobs) {
    await boss.createQueue(job.name, { name: job.name });
    const slotMs = Math.max(1000, Math.round(job.everyMs / 1000) * 1000);
    await boss.work<Record<string, never>>(
      job.name,
      { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: opts.pollingSeconds ?? 2 },
      async ([queued]) => {
        if (!queued) {
          return;
        }
        // pg-boss derives the tick from the same now() as created_on, so this is the tick's start.
        const slot = new Date(Math.floor(queued.createdOn.getTime() / slotMs) * slotMs);
        await runOnce(opts, job, queued.id, slot, queued.retryCount + 1);
      },
    );
    const tick = () => {
      boss
        .send(
          job.name,
          {},
          {
            singletonSeconds: slotMs / 1000,
            retryLimit: opts.retryLimit ?? 3,
            retryDelay: opts.retryDelaySeconds ?? 60,
            retryBackoff: true,
            expireInSeconds: Math.max(900, (2 * slotMs) / 1000),
          },
        )
        .catch((err: unknown) => opts.say(`任务 ${job.name} 排队失败：${message(err)}`));
    };
    tick();
    const timer = setInterval(tick, slotMs);
    timer.unref();
    timers.push(timer);
  }
  return {
    stop: async () => {
      for (const t of timers) {
        clearInterval(t);
      }
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

async function runOnce(opts: JobQueueOptions, job: PeriodicJob, queueJobId: string, slot: Date, attempt: number) {
  const runId = await opts.runLog.started({
    job: job.name,
    queueJobId,
    slot,
    attempt,
    host: HOST,
    startedAt: new Date(),
  });
  try {
    const outcome = await job.run();
    await opts.runLog.finished(runId, {
      state: "completed",
      finishedAt: new Date(),
      rows: outcome.rows,
      summary: outcome.summary,
    });
    if (outcome.message) {
      opts.say(outcome.message);
    }
  } catch (err) {
    await opts.runLog.finished(runId, { state: "failed", finishedAt: new Date(), error: message(err) });
    opts.say(`任务 ${job.name} 第 ${attempt} 次执行失败：${message(err)}`);
    // Rethrown so that pg-boss schedules the retry.
    throw err;
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
