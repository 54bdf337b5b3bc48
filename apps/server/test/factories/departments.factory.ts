import { randomUUID } from "node:crypto";
import { insertOrgUnits } from "../../src/modules/org/org.repo.ts";
import { DISTRICT_DEPARTMENTS, departmentFullName } from "../../src/modules/tenants/standard-units.ts";
import type { Db } from "../../src/platform/db/client.ts";
import type { TestTenant } from "./tenant.factory.ts";

/** The standard district departments under a test tenant's root, as createTenantFromCode makes them. */
export async function buildDistrictDepartments(db: Db, tenant: TestTenant): Promise<void> {
  const root = tenant.units.root;
  await insertOrgUnits(
    db,
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
}
