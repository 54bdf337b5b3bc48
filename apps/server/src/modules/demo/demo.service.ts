import { randomUUID } from "node:crypto";
import type { SystemActor } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { loadHallDemo } from "../appointments/demo.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { loadDemoCatalog } from "../catalog/demo-catalog.ts";
import { findOrgUnitByName, findRootUnit } from "../org/org.repo.ts";
import { findTenantByCode } from "../tenants/tenants.repo.ts";
import { createTenantFromCode } from "../tenants/tenants.service.ts";
import { findUserByUsername, insertGrant, insertUser } from "../users/users.repo.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts.ts";
import { loadDemoBudget } from "./demo-budget.ts";
import { loadDemoDataSharing } from "./demo-data.ts";
import { loadDemoHallYear } from "./demo-hall.ts";
import { loadDemoWorkOrders, widenTempBuffers } from "./demo-work-orders.ts";
import { isEmbedded, partLoaded } from "./lanes.ts";

/** Same seed, same demo year: ids, texts and outcomes are derived from it. */
export const DEMO_SEED = "huadu-2022";

export type Progress = (message: string) => void;

/**
 * The whole demo: the quick base, then the year of operations. Idempotent. On a PostgreSQL server
 * the work orders need only the tenant and its org tree and the centre's year only the halls, so
 * they load side by side with the rest of the base.
 */
export async function loadDemo(db: Db, clock: Clock, code: string, progress: Progress, seed = DEMO_SEED) {
  if (await isEmbedded(db)) {
    const base = await loadDemoBase(db, clock, code, progress);
    await loadDemoYear(db, clock, code, progress, seed);
    return base;
  }
  const { tenant, created } = await ensureDemoTenant(db, clock, code, progress);
  const year = await demoYear(db, clock, code, progress, seed);
  const [workOrders, hall] = await Promise.all([
    year.workOrders(),
    loadDemoHalls(db, clock, tenant.id, progress).then(() => year.hall()),
    loadDemoBase(db, clock, code, progress, { halls: false }),
  ]);
  year.finish([workOrders, hall]);
  return { created };
}

/** The year of operations (a few minutes on the embedded database), in short transactions. */
export async function loadDemoYear(db: Db, clock: Clock, code: string, progress: Progress, seed = DEMO_SEED) {
  const year = await demoYear(db, clock, code, progress, seed);
  // A PostgreSQL server loads the parts side by side on two connections; PGlite has only one.
  const embedded = await isEmbedded(db);
  if (embedded) {
    await widenTempBuffers(db);
  }
  const loaded = embedded
    ? [await year.workOrders(), await year.hall()]
    : await Promise.all([year.workOrders(), year.hall()]);
  year.finish(loaded);
}

/** The two parts of the year (each idempotent) and the closing line once they are in. */
async function demoYear(db: Db, clock: Clock, code: string, progress: Progress, seed: string) {
  const tenant = await findTenantByCode(db, code);
  if (!tenant) {
    throw new Error(`租户 ${code} 不存在`);
  }
  const t0 = Date.now();
  // A later start finds both parts in place: saying "生成" then would read as a reload of the year.
  const loaded = [
    await partLoaded(db, tenant.id, "demo.work_orders"),
    await partLoaded(db, tenant.id, "demo.hall_year"),
  ];
  if (!loaded.every(Boolean)) {
    progress("生成 2021–2022 年度工单（热线、网格事件、两代表一委员）与 2022 年度区政务服务中心来访、办件、好差评…");
  }
  return {
    workOrders: () => loadDemoWorkOrders(db, clock, tenant.id, seed, progress),
    hall: () => loadDemoHallYear(db, clock, tenant.id, seed, progress),
    finish: (loaded: boolean[]) => {
      if (loaded.some(Boolean)) {
        progress(`2022 年度业务数据已全部加载（${((Date.now() - t0) / 1000).toFixed(0)} 秒）`);
      }
    },
  };
}

/** The demo tenant and its org tree, created when missing. */
async function ensureDemoTenant(db: Db, clock: Clock, code: string, progress: Progress) {
  const tenant = await findTenantByCode(db, code);
  if (tenant) {
    return { tenant, created: false };
  }
  progress(`创建租户 ${code} 与组织机构树…`);
  const setup = await createTenantFromCode(db, code, clock);
  progress(`组织机构 ${setup.unitCount} 个`);
  return { tenant: setup.tenant, created: true };
}

/**
 * The demo tenant's base (Huadu, 440114 by default): the org tree, one log-in per role and the
 * 2022 budget with its self-evaluation; a few seconds. Idempotent: parts that exist are kept.
 */
export async function loadDemoBase(
  db: Db,
  clock: Clock,
  code: string,
  progress: Progress,
  opts: { halls?: boolean } = {},
): Promise<{ created: boolean }> {
  const { tenant, created } = await ensureDemoTenant(db, clock, code, progress);
  const root = await findRootUnit(db, tenant.id);
  const bureau = await findOrgUnitByName(db, tenant.id, `${tenant.fullName}政务服务数据管理局`);
  if (!root || !bureau) {
    throw new Error(`租户 ${code} 的组织机构不完整`);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const system: SystemActor = { kind: "system", tenantId: tenant.id, name: "演示数据" };
  let accounts = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByUsername(db, account.username)) {
      continue;
    }
    const member = await findOrgUnitByName(db, tenant.id, account.memberOf);
    if (!member) {
      throw new Error(`演示账号 ${account.username} 的机构 ${account.memberOf} 不存在`);
    }
    const grantUnit = account.grantOn === "district" ? root : account.grantOn === "bureau" ? bureau : member;
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await insertUser(tx, {
        id,
        tenantId: tenant.id,
        orgUnitId: member.id,
        username: account.username,
        displayName: account.displayName,
        phone: `1390000${String(accounts + 1).padStart(4, "0")}`,
        passwordHash,
      });
      await insertGrant(tx, {
        id: randomUUID(),
        tenantId: tenant.id,
        userId: id,
        role: account.role,
        orgUnitId: grantUnit.id,
      });
      await recordAudit(
        { db: tx, actor: system, clock, requestId: null },
        {
          action: "user.create",
          entityType: "user",
          entityId: id,
          scopePath: member.path,
          summary: { username: account.username, role: account.role, demo: true },
        },
      );
    });
    accounts += 1;
  }
  if (accounts > 0) {
    progress(`演示账号 ${accounts} 个`);
  }
  progress("加载 2022 年度预算、绩效指标与自评…");
  if (await loadDemoBudget(db, clock, tenant.id, bureau.id, 2022)) {
    progress("2022 年度预算项目 25 个（一级 4 个）、自评已提交待审定");
  }
  if (await loadDemoCatalog(db, clock, tenant.id, DEMO_SEED)) {
    progress("政务服务事项目录：依申请事项 2166 项、材料 11599 份、一件事 94 个");
  }
  // After the catalog: the data part's 免提交 sources are the ones the catalog's materials name.
  await loadDemoDataSharing(db, clock, tenant.id, DEMO_SEED, progress);
  if (opts.halls !== false) {
    await loadDemoHalls(db, clock, tenant.id, progress);
  }
  return { created };
}

async function loadDemoHalls(db: Db, clock: Clock, tenantId: string, progress: Progress) {
  const halls = await loadHallDemo(db, clock, tenantId);
  if (halls > 0) {
    progress(`政务服务大厅 ${halls} 个`);
  }
}
