import { buildApp } from "./app.ts";
import { startHallRelay } from "./modules/appointments/hall-events.ts";
import { scheduleAuditCheckpoints } from "./modules/audit/audit-anchor.job.ts";
import { loadDemoBase, loadDemoYear } from "./modules/demo/demo.service.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./modules/demo/demo-accounts.ts";
import { jobRunLog } from "./modules/jobs/jobs.service.ts";
import { periodicJobs } from "./modules/jobs/periodic-jobs.ts";
import { startingClock, systemClock } from "./platform/clock.ts";
import type { Config } from "./platform/config.ts";
import type { Db } from "./platform/db/client.ts";
import { restoreDeferredIndexes } from "./platform/db/deferred-indexes.ts";
import { openConfiguredDatabase } from "./platform/db/open.ts";
import { type JobQueue, startJobQueue } from "./platform/jobs/job-queue.ts";

const DEMO_TENANT = "440114";

function say(message: string): void {
  process.stdout.write(`[zhengwu] ${message}\n`);
}

/**
 * After the server answers: the year of operations (first start only; about three minutes
 * embedded), whose start removes, in short chunks, what a killed load left; then any index a killed
 * load deferred. Neither runs before listening: after a crash they took minutes.
 */
async function backgroundWork(db: Db, config: Config, demoSay: (m: string) => void): Promise<void> {
  if (config.demo && config.demoYear) {
    try {
      await loadDemoYear(db, systemClock, DEMO_TENANT, demoSay);
    } catch (err) {
      say(`演示年度数据加载失败：${err instanceof Error ? err.message : String(err)}`);
    }
  }
  try {
    const built = await restoreDeferredIndexes(db);
    if (built.length > 0) {
      say(`中断的批量加载留下的索引 ${built.length} 个已重建`);
    }
  } catch (err) {
    say(`索引重建失败：${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Starts the API and web UI; on an empty database loads the demo tenant while already answering. */
export async function serve(config: Config): Promise<void> {
  const started = Date.now();
  say(config.db.url ? "连接 PostgreSQL 并执行迁移…" : `打开嵌入式数据库 ${config.db.dataDir} 并执行迁移…`);
  const database = await openConfiguredDatabase(config, "zhengwu serve", { deferredIndexes: "later" });
  const checkpoints = scheduleAuditCheckpoints(database.db, config.audit, say);
  const clock = config.testNow ? startingClock(config.testNow) : systemClock;
  const { app } = await buildApp({ database, config, clock });
  // Before listening, so that no board event is sent while the relay is still connecting.
  const stopRelay = config.db.url ? await startHallRelay(config.db.url, say) : null;
  let jobs: JobQueue | null = null;
  await app.listen({ port: config.http.port, host: config.http.host });
  const shown = config.http.host === "0.0.0.0" || config.http.host === "127.0.0.1" ? "localhost" : config.http.host;
  const url = `http://${shown}:${config.http.port}`;
  let closing = false;
  const shutdown = async () => {
    if (closing) {
      return;
    }
    closing = true;
    say("正在停止…");
    await app.close();
    await checkpoints.final();
    await jobs?.stop();
    await stopRelay?.();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
  const demoSay = (m: string) => say(`演示数据：${m}`);
  if (config.demo) {
    await loadDemoBase(database.db, clock, DEMO_TENANT, demoSay);
  }
  // pg-boss on either engine: each tick runs once however many processes share the database (the
  // district's jobs, and the housekeeping: pruning, export tasks, signed audit checkpoints).
  jobs = await startJobQueue({
    executeSql: database.executeSql,
    jobs: periodicJobs({ db: database.db, clock, config, say }, config.jobEveryMs),
    runLog: jobRunLog(database.db),
    say,
    retryDelaySeconds: config.jobEveryMs ? 1 : 60,
    pollingSeconds: config.jobEveryMs ? 0.5 : 2,
  });
  say(`已就绪（${((Date.now() - started) / 1000).toFixed(1)} 秒）：${url}`);
  if (config.demo) {
    say(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
    for (const a of DEMO_ACCOUNTS) {
      say(`  ${a.username.padEnd(11)} ${a.role.padEnd(16)} ${a.displayName}（${a.memberOf}）`);
    }
  }
  void backgroundWork(database.db, config, demoSay);
}
