import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrictDepartments } from "../../../test/factories/departments.factory.ts";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { openTestDatabase } from "../../../test/test-db.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { searchPublicItems } from "./catalog-public.service.ts";
import { CITIZEN_QUERIES } from "./catalog-search-queries.ts";
import { loadDemoCatalog } from "./demo-catalog.ts";

let database: Database;
let tenant: TestTenant;

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await buildTenant(database.db);
  await buildDistrictDepartments(database.db, tenant);
  await loadDemoCatalog(database.db, systemClock, tenant.id, "huadu-2022");
});
afterAll(async () => {
  await database.close();
});

async function topNames(q: string, n: number): Promise<string[]> {
  const r = await searchPublicItems(database.db, tenant.code, q, n);
  return r.items.map((i) => i.name);
}

describe("searchPublicItems on the demo catalog", () => {
  it("finds what citizens type: every query's item in the top 3", async () => {
    expect(CITIZEN_QUERIES.length).toBeGreaterThanOrEqual(40);
    const misses: string[] = [];
    for (const { q, item } of CITIZEN_QUERIES) {
      const top = await topNames(q, 3);
      if (!top.includes(item)) {
        misses.push(`${q} → ${item}, got ${top.join(" / ") || "nothing"}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it("puts the named item first, not items that merely ask for it as a material", async () => {
    expect((await topNames("营业执照", 2)).sort()).toEqual(["个体工商户登记", "企业设立登记"]);
    expect((await topNames("社保", 1))[0]).toBe("社会保险参保登记");
    expect((await topNames("消防验收", 1))[0]).toBe("消防验收");
  });

  it("answers nothing for words the catalog does not hold, and the total counts every hit", async () => {
    expect((await searchPublicItems(database.db, tenant.code, "量子计算机", 10)).total).toBe(0);
    expect((await searchPublicItems(database.db, tenant.code, "火箭发射许可", 10)).total).toBe(0);
    const r = await searchPublicItems(database.db, tenant.code, "不动产", 5);
    expect(r.items).toHaveLength(5);
    expect(r.total).toBeGreaterThan(5);
  });
});
