import { randomUUID } from "node:crypto";
import type { SystemActor } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { hashPassword } from "../../platform/passwords.ts";
import { loadHallDemo } from "../appointments/demo.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { findOrgUnitByName, findRootUnit } from "../org/org.repo.ts";
import { findTenantByCode } from "../tenants/tenants.repo.ts";
import { createTenantFromCode } from "../tenants/tenants.service.ts";
import { findUserByUsername, insertGrant, insertUser } from "../users/users.repo.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts.ts";

export type Progress = (message: string) => void;

/**
 * Loads the demo tenant (Huadu, 440114 by default): the org tree and one log-in per role.
 * Idempotent: parts that exist are kept.
 */
export async function loadDemo(db: Db, clock: Clock, code: string, progress: Progress): Promise<{ created: boolean }> {
  let tenant = await findTenantByCode(db, code);
  let created = false;
  if (!tenant) {
    progress(`创建租户 ${code} 与组织机构树…`);
    const setup = await createTenantFromCode(db, code, clock);
    tenant = setup.tenant;
    created = true;
    progress(`组织机构 ${setup.unitCount} 个`);
  }
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
  const halls = await loadHallDemo(db, clock, tenant.id);
  if (halls > 0) {
    progress(`政务服务大厅 ${halls} 个`);
  }
  return { created };
}
