import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/test-db.ts";
import type { SystemActor } from "../../platform/actor.ts";
import { silentLogger } from "../../platform/actor.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { verifyAuditChain } from "../audit/audit.service.ts";
import { findOrgTree } from "../org/org.service.ts";
import { findTenantByCode } from "./tenants.repo.ts";
import { createTenantFromCode } from "./tenants.service.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

describe("createTenantFromCode", () => {
  it("builds Huadu (440114) from the division data: 10 towns/streets, 261 villages/communities, bureau and departments", async () => {
    // On a shared PostgreSQL the demo tenant may exist already; count its tree either way.
    const existing = await findTenantByCode(database.db, "440114");
    const tenant = existing ?? (await createTenantFromCode(database.db, "440114", systemClock)).tenant;
    expect(tenant.fullName).toBe("广州市花都区");
    const actor: SystemActor = { kind: "system", tenantId: tenant.id, name: "t" };
    const units = await findOrgTree({ db: database.db, actor, clock: systemClock, log: silentLogger, requestId: "t" });
    const byKind = (k: string) => units.filter((u) => u.kind === k);
    expect(byKind("district").map((u) => u.code)).toEqual(["440114"]);
    expect(
      byKind("street")
        .map((u) => u.name)
        .sort(),
    ).toEqual(["新华街道", "新雅街道", "秀全街道", "花城街道"].sort());
    expect(
      byKind("town")
        .map((u) => u.name)
        .sort(),
    ).toEqual(["梯面镇", "炭步镇", "狮岭镇", "花东镇", "花山镇", "赤坭镇"].sort());
    expect(byKind("village")).toHaveLength(188);
    expect(byKind("community")).toHaveLength(73);
    expect(units.find((u) => u.kind === "bureau")?.name).toBe("广州市花都区政务服务数据管理局");
    expect(byKind("bureau_unit").map((u) => u.name)).toContain("区城市社区网格化服务管理中心");
    expect(byKind("department").length).toBeGreaterThanOrEqual(28);
    expect(units.find((u) => u.name === "广州市公安局花都区分局")).toBeDefined();
    const shiling = units.find((u) => u.name === "狮岭镇");
    expect(units.filter((u) => u.parentId === shiling?.id).every((u) => u.code?.startsWith("440114109"))).toBe(true);
    expect((await verifyAuditChain(database.db, tenant.id)).ok).toBe(true);
  });

  it("refuses an unknown code with a specific message and a duplicate tenant", async () => {
    await expect(createTenantFromCode(database.db, "999999", systemClock)).rejects.toThrow("不是已知的区县代码");
    await expect(createTenantFromCode(database.db, "4401", systemClock)).rejects.toThrow("不是已知的区县代码");
    await expect(createTenantFromCode(database.db, "440114", systemClock)).rejects.toThrow("已存在");
  });

  it("creates another district from its code alone", async () => {
    const code = "110101"; // 北京市东城区: a 市辖区 city takes the province's name
    const existing = await findTenantByCode(database.db, code);
    const tenant = existing ?? (await createTenantFromCode(database.db, code, systemClock)).tenant;
    expect(tenant.fullName).toBe("北京市东城区");
  });
});
