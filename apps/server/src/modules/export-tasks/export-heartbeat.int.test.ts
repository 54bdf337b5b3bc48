import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { TEST_EXPORT_DIR } from "../../../test/test-app.ts";
import { fixedClock } from "../../platform/clock.ts";
import { loadConfig } from "../../platform/config.ts";
import { periodicJobs } from "../jobs/periodic-jobs.ts";
import { insertExportTask } from "./export-tasks.repo.ts";
import { exportTasks } from "./export-tasks.schema.ts";

const h = setUpHarness();
const MINUTE = 60_000;

describe("export tasks across processes", () => {
  it("the export-tasks job fails a running task only when its heartbeat is stale (another process may be writing it)", async () => {
    const db = h.database.db;
    const now = new Date();
    const user = await buildUser(db, h.tenant.id, h.tenant.units.root.id, ["dispatcher"]);
    const task = (heartbeatAt: Date) => ({
      id: randomUUID(),
      tenantId: h.tenant.id,
      userId: user.id,
      kind: "work_orders",
      params: {},
      state: "running",
      total: 100,
      fileName: "工单导出.xlsx",
      createdAt: new Date(now.getTime() - 10 * MINUTE),
      heartbeatAt,
      expiresAt: new Date(now.getTime() + 24 * 60 * MINUTE),
    });
    const stale = task(new Date(now.getTime() - 3 * MINUTE));
    const live = task(new Date(now.getTime() - 30_000));
    await insertExportTask(db, stale);
    await insertExportTask(db, live);

    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ZHENGWU_EXPORT_DIR: TEST_EXPORT_DIR });
    const job = periodicJobs({ db, clock: fixedClock(now), config, say: () => {} }).find(
      (j) => j.name === "export-tasks",
    );
    expect(job, "a periodic job named export-tasks").toBeDefined();
    await job?.run();

    const rows = await db
      .select({ id: exportTasks.id, state: exportTasks.state, error: exportTasks.error })
      .from(exportTasks)
      .where(inArray(exportTasks.id, [stale.id, live.id]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(live.id)?.state).toBe("running");
    expect(byId.get(stale.id)?.state).toBe("failed");
    expect(byId.get(stale.id)?.error).toContain("导出未完成");
  });

  it("exports go to the configured folder, next to the data folder by default", () => {
    expect(loadConfig({ ZHENGWU_DATA_DIR: "/srv/zhengwu/data" }).exportDir).toBe("/srv/zhengwu/exports");
    expect(loadConfig({ ZHENGWU_EXPORT_DIR: "/mnt/shared/exports" }).exportDir).toBe("/mnt/shared/exports");
  });
});
