import { buildApp } from "./app.ts";
import { runHallJobs } from "./modules/appointments/slots.job.ts";
import { runDeferralJob } from "./modules/deferrals/deferrals.job.ts";
import { loadDemoBase, loadDemoYear } from "./modules/demo/demo.service.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./modules/demo/demo-accounts.ts";
import { applyDefaultRatings } from "./modules/evaluations/evaluations.service.ts";
import { failInterruptedExports, purgeExpiredExports } from "./modules/export-tasks/export-tasks.service.ts";
import { runEscalation } from "./modules/work-orders/escalation.job.ts";
import { type Clock, startingClock, systemClock } from "./platform/clock.ts";
import type { Config } from "./platform/config.ts";
import type { Db } from "./platform/db/client.ts";
import { restoreDeferredIndexes } from "./platform/db/deferred-indexes.ts";
import { openConfiguredDatabase } from "./platform/db/open.ts";

const DEMO_TENANT = "440114";

const ESCALATION_EVERY_MS = 5 * 60_000;

/** Escalates overdue tickets now and every five minutes; the job is idempotent, so overlaps are harmless. */
function scheduleEscalation(db: Db): void {
  const run = () =>
    runEscalation(db, systemClock)
      .then((r) => {
        if (r.raised > 0) {
          say(`超期督办：检查 ${r.checked} 件，升级 ${r.raised} 件`);
        }
      })
      .catch((err: unknown) => say(`超期督办任务失败：${err instanceof Error ? err.message : String(err)}`));
  void run();
  setInterval(run, ESCALATION_EVERY_MS).unref();
}

const DEFAULT_RATINGS_EVERY_MS = 10 * 60_000;

/** Records 基本满意 for services left unrated past the window; idempotent like escalation. */
function scheduleDefaultRatings(db: Db): void {
  const run = () =>
    applyDefaultRatings(db, systemClock)
      .then((n) => {
        if (n > 0) {
          say(`默认好评：${n} 件服务超期未评价，记为基本满意`);
        }
      })
      .catch((err: unknown) => say(`默认好评任务失败：${err instanceof Error ? err.message : String(err)}`));
  void run();
  setInterval(run, DEFAULT_RATINGS_EVERY_MS).unref();
}

const DEFERRALS_EVERY_MS = 10 * 60_000;

/** Reminds 容缺受理 applicants before their make-up deadline and terminates what lapsed; idempotent. */
function scheduleDeferrals(db: Db, clock: Clock): void {
  const run = () =>
    runDeferralJob(db, clock)
      .then((r) => {
        if (r.reminded > 0 || r.terminated > 0) {
          say(`容缺受理：提醒 ${r.reminded} 次，逾期终止 ${r.terminated} 件`);
        }
      })
      .catch((err: unknown) => say(`容缺受理到期处理失败：${err instanceof Error ? err.message : String(err)}`));
  void run();
  setInterval(run, DEFERRALS_EVERY_MS).unref();
}

const SLOTS_EVERY_MS = 60 * 60_000;

/** Records no-shows and keeps booking slots generated over the horizon (the calendar rolls over each day); idempotent. */
function scheduleSlots(db: Db, clock: Clock): void {
  const run = () =>
    runHallJobs(db, clock)
      .then((r) => {
        if (r.created > 0 || r.noShows > 0) {
          say(`预约时段：${r.halls} 个大厅新增 ${r.created} 个时段；新记爽约 ${r.noShows} 个`);
        }
      })
      .catch((err: unknown) => say(`预约时段生成失败：${err instanceof Error ? err.message : String(err)}`));
  void run();
  setInterval(run, SLOTS_EVERY_MS).unref();
}

const EXPORT_PURGE_EVERY_MS = 60 * 60_000;

/** Export tasks a stopped process left are marked failed; expired ones go with their files, hourly. */
function scheduleExportPurge(db: Db, clock: Clock): void {
  void failInterruptedExports(db, clock.now()).catch(() => {});
  const run = () =>
    purgeExpiredExports(db, clock.now()).catch((err: unknown) =>
      say(`过期导出清理失败：${err instanceof Error ? err.message : String(err)}`),
    );
  void run();
  setInterval(run, EXPORT_PURGE_EVERY_MS).unref();
}

function say(message: string): void {
  process.stdout.write(`[zhengwu] ${message}\n`);
}

/**
 * After the server answers: the year of operations (first start only; about a minute and a half
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
  const clock = config.testNow ? startingClock(config.testNow) : systemClock;
  const { app } = await buildApp({ database, config, clock });
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
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
  const demoSay = (m: string) => say(`演示数据：${m}`);
  if (config.demo) {
    await loadDemoBase(database.db, clock, DEMO_TENANT, demoSay);
  }
  scheduleEscalation(database.db);
  scheduleDefaultRatings(database.db);
  scheduleSlots(database.db, clock);
  scheduleDeferrals(database.db, clock);
  scheduleExportPurge(database.db, clock);
  say(`已就绪（${((Date.now() - started) / 1000).toFixed(1)} 秒）：${url}`);
  if (config.demo) {
    say(`演示账号（密码均为 ${DEMO_PASSWORD}）：`);
    for (const a of DEMO_ACCOUNTS) {
      say(`  ${a.username.padEnd(11)} ${a.role.padEnd(16)} ${a.displayName}（${a.memberOf}）`);
    }
  }
  void backgroundWork(database.db, config, demoSay);
}
