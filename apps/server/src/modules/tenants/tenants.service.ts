import { randomUUID } from "node:crypto";
import type { SystemActor } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError, conflict } from "../../platform/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { NewOrgUnitRow } from "../org/org.repo.ts";
import { insertOrgUnits } from "../org/org.repo.ts";
import { loadDistrictDivisions, townKind, villageKind } from "./divisions.ts";
import { BUREAU_UNITS, DISTRICT_DEPARTMENTS, departmentFullName } from "./standard-units.ts";
import { findTenantByCode, insertTenant, type TenantRow } from "./tenants.repo.ts";

export type TenantSetup = { tenant: TenantRow; unitCount: number };

/**
 * Creates a district tenant from its GB/T 2260 code: the district, every town/street and
 * village/community with official codes, the bureau and its units, and the district departments.
 * @throws validation (unknown code), conflict (tenant exists)
 */
export async function createTenantFromCode(db: Db, code: string, clock: Clock): Promise<TenantSetup> {
  const div = await loadDistrictDivisions(code);
  if (!div) {
    throw new AppError("validation", `区划代码 ${code} 不是已知的区县代码（GB/T 2260，6位）`, [
      { path: "code", message: "未知的区县代码" },
    ]);
  }
  if (await findTenantByCode(db, code)) {
    throw conflict(`区划代码 ${code} 的租户已存在`);
  }
  const tenantId = randomUUID();
  // 市辖区 cities (Beijing, Shanghai…) are named by their province.
  const cityName = div.city.name === "市辖区" ? div.province.name : div.city.name;
  const fullName = `${cityName}${div.district.name}`;
  const units: NewOrgUnitRow[] = [];
  const add = (parent: NewOrgUnitRow | null, name: string, kind: string, unitCode: string | null, sort: number) => {
    const id = randomUUID();
    const row: NewOrgUnitRow = {
      id,
      tenantId,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? "/"}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      code: unitCode,
      name,
      kind,
      sort,
    };
    units.push(row);
    return row;
  };
  const root = add(null, div.district.name, "district", div.district.code, 0);
  const bureau = add(root, `${fullName}政务服务数据管理局`, "bureau", null, 1);
  for (const [i, name] of BUREAU_UNITS.entries()) {
    add(bureau, name, "bureau_unit", null, i + 1);
  }
  for (const [i, name] of DISTRICT_DEPARTMENTS.entries()) {
    add(root, departmentFullName(name, cityName, div.district.name), "department", null, 100 + i);
  }
  for (const [i, town] of div.towns.entries()) {
    const t = add(root, town.name, townKind(town.name), town.code, 10 + i);
    const villages = div.villages.filter((v) => v.code.startsWith(town.code));
    for (const [j, v] of villages.entries()) {
      add(t, v.name, villageKind(v.name), v.code, j + 1);
    }
  }
  const tenant: TenantRow = {
    id: tenantId,
    code,
    name: div.district.name,
    fullName,
    createdAt: clock.now(),
  };
  const system: SystemActor = { kind: "system", tenantId, name: "系统初始化" };
  await db.transaction(async (tx) => {
    await insertTenant(tx, tenant);
    await insertOrgUnits(tx, units);
    await recordAudit(
      { db: tx, actor: system, clock, requestId: null },
      {
        action: "tenant.create",
        entityType: "tenant",
        entityId: tenantId,
        scopePath: root.path,
        summary: { code, name: fullName, units: units.length, towns: div.towns.length, villages: div.villages.length },
      },
    );
  });
  return { tenant, unitCount: units.length };
}
