import type { SystemActor } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { seededRng } from "../catalog/demo-catalog.ts";
import { insertRegisteredBatches } from "./demo-data-batches.ts";
import { demoUnits, insertCatalog, planResources } from "./demo-data-catalog.ts";
import { insertExchange } from "./demo-data-exchange.ts";
import { insertDemoKeys } from "./demo-data-keys.ts";
import { insertOpenRows } from "./demo-data-open-rows.ts";
import { partLoaded } from "./lanes.ts";

/** The audit entry that marks the part as loaded (and says what it holds). */
export const DATA_SHARING_PART = "demo.data_sharing";

/**
 * The demo's data sharing: the resource catalog (基础库, 专题库, the 免提交 sources, departments'
 * resources and 20 categories of 城中村治理 data per town), the 109 systems on the 政务云, and 2022's
 * sync batches and exchange traffic. One transaction, so a failed load leaves nothing behind and
 * the next start loads it again; a loaded part is kept. Returns false when it was already there.
 */
export async function loadDemoDataSharing(
  db: Db,
  clock: Clock,
  tenantId: string,
  seed: string,
  progress: (m: string) => void,
): Promise<boolean> {
  if (await partLoaded(db, tenantId, DATA_SHARING_PART)) {
    return false;
  }
  const t0 = Date.now();
  progress("生成政务信息资源目录、信息系统台账与 2022 年度数据汇聚、共享交换记录…");
  const rng = seededRng(`${seed}:data-sharing`);
  const summary = await db.transaction(async (tx) => {
    const units = await demoUnits(tx, tenantId);
    const resources = planResources(units, seed, rng);
    const systems = await insertCatalog(tx, tenantId, resources, units, seed, rng);
    const towns = units.towns.map((t) => t.name);
    const stored = await insertOpenRows(tx, tenantId, resources, towns, seed, rng);
    const batches = await insertRegisteredBatches(tx, tenantId, resources, stored, seed, rng);
    const { used, ...exchange } = await insertExchange(tx, tenantId, resources, units, seed, rng);
    const keys = await insertDemoKeys(tx, tenantId, seed, used, resources);
    const result = {
      keys,
      resources: resources.length,
      villageResources: resources.filter((r) => r.spec.subclass === "城中村治理").length,
      ...systems,
      batches: batches.batches + resources.filter((r) => r.spec.sharing.openType === "unconditional").length,
      aggregated2022: batches.total,
      ...exchange,
    };
    const system: SystemActor = { kind: "system", tenantId, name: "演示数据" };
    await recordAudit(
      { db: tx, actor: system, clock, requestId: null },
      {
        action: DATA_SHARING_PART,
        entityType: "tenant",
        entityId: tenantId,
        scopePath: units.root.path,
        summary: result,
      },
    );
    return result;
  });
  const yi = (n: number) => (n / 100_000_000).toFixed(2);
  progress(
    `信息资源 ${summary.resources} 个（城中村治理 ${summary.villageResources} 个）、信息系统 ${summary.systems} 个（政务云 ${summary.onCloud} 个）`,
  );
  progress(
    `2022 年汇聚批次 ${summary.batches} 个、${yi(summary.aggregated2022)} 亿条；共享申请 ${summary.requests} 个、交换日志 ${summary.entries} 条、共享 ${yi(summary.served)} 亿条（${((Date.now() - t0) / 1000).toFixed(1)} 秒）`,
  );
  return true;
}
