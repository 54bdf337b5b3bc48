import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openOwnTestDatabase } from "../../../test/test-db.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { hallVolumes } from "../appointments/stats.service.ts";
import { findTenantByCode } from "../tenants/tenants.repo.ts";
import { DEMO_SEED, loadDemoBase } from "./demo.service.ts";
import { loadDemoTownHallYears, TOWN_VISITORS_2022 } from "./demo-town-halls.ts";
import { hallInvariantViolations } from "./hall-invariants.ts";

let database: Database;
let drop: () => Promise<void> = async () => {};
let tenantId = "";

/** The base (halls, catalog) and the towns' year alone: the centre's year is the demo-year test's. */
beforeAll(async () => {
  ({ database, drop } = await openOwnTestDatabase());
  await loadDemoBase(database.db, systemClock, "440114", () => {});
  tenantId = (await findTenantByCode(database.db, "440114"))?.id ?? "";
}, 120_000);
afterAll(() => drop());

describe("the town and street halls' 2022", () => {
  it("serves a town's share of visitors at each town hall, by the hall's rules, with no bad rating", async () => {
    const t0 = Date.now();
    expect(await loadDemoTownHallYears(database.db, tenantId, DEMO_SEED)).toBe(TOWN_VISITORS_2022);
    console.info(`towns' year loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s on ${database.driver}`);
    const towns = await queryRows<{ name: string; visitors: number; cases: number; rated: number; bad: number }>(
      database.db,
      sql`select h.name,
            (select count(*)::int from queue_tickets t where t.hall_id = h.id) as visitors,
            (select count(*)::int from service_cases c where c.hall_id = h.id) as cases,
            (select count(*)::int from ratings r where r.scope_path = h.scope_path) as rated,
            (select count(*)::int from ratings r where r.scope_path = h.scope_path and r.level <= 2) as bad
          from halls h where h.level = 'town' order by 2 desc`,
    );
    expect(towns).toHaveLength(10);
    expect(towns[0]?.name).toBe("新华街道政务服务中心");
    expect(towns.at(-1)?.name).toBe("梯面镇政务服务中心");
    expect(towns.filter((t) => t.visitors < 300 || t.cases < t.visitors || t.rated === 0)).toEqual([]);
    expect(towns.reduce((a, t) => a + t.bad, 0)).toBe(0);
    expect(Object.entries(await hallInvariantViolations(database.db)).filter(([, n]) => n !== 0)).toEqual([]);
    // Each case is served by a staff member of its own hall's unit.
    const [foreign] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from service_cases c join halls h on h.id = c.hall_id
          join users u on u.id = c.staff_user_id where u.org_unit_id <> h.org_unit_id`,
    );
    expect(foreign?.n).toBe(0);
    // The report's hall figures are the district centre's: the towns add nothing to them.
    const sys = {
      db: database.db,
      actor: { kind: "system" as const, tenantId, name: "测试" },
      clock: systemClock,
      log: { info: () => {}, warn: () => {}, error: () => {} },
      requestId: "t",
    };
    expect(await hallVolumes(sys, { level: "district", from: "2022-01-01", to: "2022-12-31" })).toEqual({
      visitors: 0,
      cases: 0,
    });
  }, 120_000);
});
