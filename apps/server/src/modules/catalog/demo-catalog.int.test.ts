import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { openTestDatabase } from "../../../test/test-db.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { insertOrgUnits } from "../org/org.repo.ts";
import { DISTRICT_DEPARTMENTS, departmentFullName } from "../tenants/standard-units.ts";
import { catalogFigures } from "./catalog-figures.ts";
import { loadDemoCatalog, DEMO_CATALOG_TARGETS as T } from "./demo-catalog.ts";

let database: Database;
let tenant: TestTenant;

/** A fresh tenant with the standard district departments (as createTenantFromCode makes them). */
beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await buildTenant(database.db);
  const root = tenant.units.root;
  await insertOrgUnits(
    database.db,
    DISTRICT_DEPARTMENTS.map((name, i) => {
      const id = randomUUID();
      return {
        id,
        tenantId: tenant.id,
        parentId: root.id,
        path: `${root.path}${id}/`,
        depth: 1,
        code: null,
        name: departmentFullName(name, "广州市", "花都区"),
        kind: "department",
        sort: 100 + i,
      };
    }),
  );
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
});
