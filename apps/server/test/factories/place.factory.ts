import { randomUUID } from "node:crypto";
import { insertOrgUnits } from "../../src/modules/org/org.repo.ts";
import type { Db } from "../../src/platform/db/client.ts";
import type { TestTenant } from "./tenant.factory.ts";

export type TestPlace = { townId: string; villageId: string; townCode: string; villageCode: string };

/**
 * A town (岭南镇) under the tenant's root and a village (东岭村) in it, with GB/T 10114-style codes
 * (nine digits, three more for the village) so that tickets can name them by code.
 */
export async function buildTownAndVillage(db: Db, tenant: TestTenant): Promise<TestPlace> {
  const townCode = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
  const townId = randomUUID();
  const villageId = randomUUID();
  const townPath = `${tenant.units.root.path}${townId}/`;
  await insertOrgUnits(db, [
    {
      id: townId,
      tenantId: tenant.id,
      parentId: tenant.units.root.id,
      path: townPath,
      depth: 1,
      code: townCode,
      name: "岭南镇",
      kind: "town",
      sort: 90,
    },
    {
      id: villageId,
      tenantId: tenant.id,
      parentId: townId,
      path: `${townPath}${villageId}/`,
      depth: 2,
      code: `${townCode}001`,
      name: "东岭村",
      kind: "village",
      sort: 91,
    },
  ]);
  return { townId, villageId, townCode, villageCode: `${townCode}001` };
}
