import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openOwnTestDatabase } from "../../../test/test-db.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { verifyAuditChain } from "../audit/audit.service.ts";
import { loadDemoCatalog } from "../catalog/demo-catalog.ts";
import { createTenantFromCode } from "../tenants/tenants.service.ts";
import { loadHallDemo } from "./demo.ts";
import { findHallParts, findHalls } from "./halls.repo.ts";

let database: Database;
let drop: () => Promise<void> = async () => {};
let tenantId = "";

beforeAll(async () => {
  ({ database, drop } = await openOwnTestDatabase());
  tenantId = (await createTenantFromCode(database.db, "440114", systemClock)).tenant.id;
}, 60_000);
afterAll(() => drop());

describe("demo halls", () => {
  it("opens the centre, a hall per town and a station per village, each with its groups, once", async () => {
    const db = database.db;
    const units = await queryRows<{ kind: string; n: number }>(
      db,
      sql`select kind, count(*)::int as n from org_units where tenant_id = ${tenantId} group by kind`,
    );
    const count = (...kinds: string[]) =>
      units.filter((u) => kinds.includes(u.kind)).reduce((s, u) => s + Number(u.n), 0);
    const expected = 1 + count("town", "street") + count("village", "community");

    expect(await loadHallDemo(db, systemClock, tenantId)).toBe(expected);
    const halls = await findHalls(db, { tenantId });
    expect(halls).toHaveLength(expected);
    expect(halls.filter((h) => h.level === "district").map((h) => h.name)).toEqual(["花都区政务服务中心"]);
    expect(halls.filter((h) => h.level === "town")).toHaveLength(count("town", "street"));
    // Every hall sits on its own org unit and is scoped by that unit's path.
    const paths = await queryRows<{ id: string; path: string }>(
      db,
      sql`select id, path from org_units where tenant_id = ${tenantId}`,
    );
    const pathOf = new Map(paths.map((p) => [p.id, p.path]));
    expect(halls.every((h) => pathOf.get(h.orgUnitId) === h.scopePath)).toBe(true);
    expect(new Set(halls.map((h) => h.orgUnitId)).size).toBe(expected);

    const parts = await findHallParts(
      db,
      halls.map((h) => h.id),
    );
    const centre = halls.find((h) => h.level === "district");
    const inCentre = <T extends { hallId: string }>(xs: T[]) => xs.filter((x) => x.hallId === centre?.id);
    expect(inCentre(parts.groups)).toHaveLength(8);
    expect(inCentre(parts.windows)).toHaveLength(86);
    const centreGroups = new Set(inCentre(parts.groups).map((g) => g.id));
    expect(parts.items.filter((i) => centreGroups.has(i.groupId))).toHaveLength(28);
    // Towns: one group of three items at two windows; village stations: one group, one window.
    for (const hall of halls.filter((h) => h.level !== "district")) {
      const groups = parts.groups.filter((g) => g.hallId === hall.id);
      expect(groups).toHaveLength(1);
      expect(parts.windows.filter((w) => w.hallId === hall.id)).toHaveLength(hall.level === "town" ? 2 : 1);
      expect(parts.items.filter((i) => i.groupId === groups[0]?.id)).toHaveLength(hall.level === "town" ? 3 : 2);
    }
    // Two villages of one name in different towns still get two distinct station names.
    expect(new Set(halls.map((h) => h.name)).size).toBe(expected);

    const audit = await queryRows<{ n: number; groups: number }>(
      db,
      sql`select count(*)::int as n, sum(jsonb_array_length(summary->'groups'))::int as groups
          from audit_log where tenant_id = ${tenantId} and action = 'hall.create'`,
    );
    expect(Number(audit[0]?.n)).toBe(expected);
    expect(Number(audit[0]?.groups)).toBe(parts.groups.length);
    expect((await verifyAuditChain(db, tenantId)).ok).toBe(true);

    expect(await loadHallDemo(db, systemClock, tenantId)).toBe(0);
    expect(await findHalls(db, { tenantId })).toHaveLength(expected);
  });

  it("names at every window group only items of the catalog, each owned by the unit that handles it", async () => {
    const db = database.db;
    await loadHallDemo(db, systemClock, tenantId);
    await loadDemoCatalog(db, systemClock, tenantId, "huadu-2022");
    const items = await queryRows<{
      group: string;
      code: string;
      name: string;
      catalog: string | null;
      unit: string | null;
    }>(
      db,
      sql`select distinct g.name as group, i.item_code as code, i.item_name as name, v.name as catalog, u.name as unit
          from hall_group_items i join window_groups g on g.id = i.group_id
          left join catalog_item_versions v on v.tenant_id = i.tenant_id and v.code = i.item_code and v.valid_to is null
          left join org_units u on u.id = v.department_id
          where i.tenant_id = ${tenantId} order by 1, 2`,
    );
    expect(items.length).toBeGreaterThanOrEqual(28);
    expect(items.filter((i) => i.catalog !== i.name).map((i) => `${i.group} ${i.code} ${i.name}`)).toEqual([]);
    // 住房公积金 is the city centre's district office's business, not a district bureau's.
    const fund = items.filter((i) => i.group === "住房公积金");
    expect(fund.map((i) => i.name)).toEqual(["住房公积金单位缴存登记", "住房公积金提取", "住房公积金个人住房贷款"]);
    expect(new Set(fund.map((i) => i.unit))).toEqual(new Set(["广州住房公积金管理中心花都办事处"]));
  }, 60_000);
});
