import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDistrictDepartments } from "../../../test/factories/departments.factory.ts";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { openTestDatabase } from "../../../test/test-db.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { catalogFigures } from "./catalog-figures.ts";
import { loadDemoCatalog, DEMO_CATALOG_TARGETS as T } from "./demo-catalog.ts";
import { VARIANTS } from "./demo-catalog-lists.ts";
import { BUSINESS_ONLY_MATERIALS, bundlePattern, isPersonalItem, variantAllowed } from "./demo-catalog-rules.ts";

let database: Database;
let tenant: TestTenant;

/** A fresh tenant with the standard district departments (as createTenantFromCode makes them). */
beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await buildTenant(database.db);
  await buildDistrictDepartments(database.db, tenant);
});
afterAll(async () => {
  await database.close();
});

describe("loadDemoCatalog", () => {
  it("loads a catalog that reproduces Huadu's 2022 figures as of 2022-12-31, once", async () => {
    const t0 = Date.now();
    expect(await loadDemoCatalog(database.db, systemClock, tenant.id, "huadu-2022")).toBe(true);
    const seconds = (Date.now() - t0) / 1000;
    const f = await catalogFigures(database.db, tenant.id, "2022-12-31");
    const values = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.value]));
    expect(values).toEqual({
      "catalog.onApplicationItems": T.items,
      "catalog.materialsReducedItems": T.reducedItems,
      "catalog.materialsReducedRate": 0.5693,
      "catalog.materials": T.materials,
      "catalog.exemptMaterials": T.exemptMaterials,
      "catalog.exemptRate": 0.306,
      "catalog.bundles": T.bundles,
      "catalog.deferrableItems": T.deferrableItems,
      "catalog.deferrableDepartments": T.deferrableDepartments,
      "catalog.crossRegionEntries": T.crossRegionEntries,
      "catalog.policyBenefitItems": T.policyBenefitItems,
      "catalog.policyBenefitCases": T.policyBenefitCases,
      "appointments.bookableItems.town": T.bookableTown,
      "appointments.bookableItems.village": T.bookableVillage,
    });
    // Nothing of the demo catalog existed before it was published.
    expect((await catalogFigures(database.db, tenant.id, "2021-12-31"))["catalog.onApplicationItems"]?.value).toBe(0);
    expect(await loadDemoCatalog(database.db, systemClock, tenant.id, "huadu-2022")).toBe(false);
    expect(seconds).toBeLessThan(20);
    console.info(`demo catalog loaded in ${seconds.toFixed(1)} s on ${database.driver}`);
  });

  it("makes sense to a 行政审批 officer: cases the item can have, citizens' materials, bundles of one life event", async () => {
    const items = await queryRows<{ code: string; name: string; type: string; parent: string | null }>(
      database.db,
      sql`select v.code, v.name, v.item_type as type, p.name as parent
          from catalog_item_versions v left join catalog_item_versions p
            on p.tenant_id = v.tenant_id and p.code = v.parent_code and p.valid_to is null
          where v.tenant_id = ${tenant.id} and v.valid_to is null`,
    );
    expect(items.length).toBe(T.items);
    // Every case (办理项) is one its kind of item can have: no 出生医学证明签发（迁入）.
    const wrongCase = items.filter((i) => {
      if (i.parent === null) {
        return false;
      }
      const match = /（([^（）]+)）$/.exec(i.name);
      const kase = match?.[1] ?? "";
      const ofType = (VARIANTS as Record<string, readonly string[]>)[i.type] ?? [];
      return i.name !== `${i.parent}（${kase}）` || !ofType.includes(kase) || !variantAllowed(i.parent, kase);
    });
    expect(wrongCase.map((i) => i.name)).toEqual([]);
    expect(items.some((i) => i.name === "出生医学证明签发（迁入）")).toBe(false);
    expect(items.some((i) => i.name === "户口迁移（迁入）")).toBe(true);

    const materials = await queryRows<{ item: string; material: string }>(
      database.db,
      sql`select v.name as item, m.name as material from catalog_material_versions m
          join catalog_item_versions v on v.id = m.item_version_id
          where v.tenant_id = ${tenant.id} and v.valid_to is null`,
    );
    expect(materials.length).toBe(T.materials);
    // No 出生 item asks for 纳税证明 or 社保缴费证明; no citizen's item for a business's documents.
    const absurd = materials.filter(
      (m) =>
        (m.item.includes("出生") && /纳税证明|社保缴费证明/.test(m.material)) ||
        (isPersonalItem(m.item) && BUSINESS_ONLY_MATERIALS.test(m.material)),
    );
    expect(absurd).toEqual([]);

    const bundles = await queryRows<{ name: string; codes: string[] }>(
      database.db,
      sql`select name, item_codes as codes from catalog_bundle_versions where tenant_id = ${tenant.id} and valid_to is null`,
    );
    expect(bundles.length).toBe(T.bundles);
    const nameOf = new Map(items.map((i) => [i.code, i.name]));
    const outside = bundles.flatMap((b) =>
      b.codes
        .map((c) => nameOf.get(c) ?? c)
        .filter((n) => !bundlePattern(b.name).test(n))
        .map((n) => `${b.name}: ${n}`),
    );
    expect(outside).toEqual([]);
    expect(bundles.filter((b) => b.codes.length < 2).map((b) => b.name)).toEqual([]);
    const birth = bundles.find((b) => b.name === "新生儿出生一件事");
    const birthNames = (birth?.codes ?? []).map((c) => nameOf.get(c) ?? "");
    expect(birthNames.filter((n) => /预付卡|旅馆|环境影响|环评/.test(n))).toEqual([]);
    expect(birthNames.some((n) => /出生/.test(n))).toBe(true);
  });
});
