import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemInput } from "../../../test/factories/catalog-item.factory.ts";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { authHeaders, buildTestApp } from "../../../test/test-app.ts";
import { openTestDatabase } from "../../../test/test-db.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";

let database: Database;
let tenant: TestTenant;
let built: Awaited<ReturnType<typeof buildTestApp>>;
let manager: TestUser;

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await buildTenant(database.db);
  built = await buildTestApp(database, systemClock);
  manager = await buildUser(database.db, tenant.id, tenant.units.root.id, ["catalog_manager"]);
});
afterAll(async () => {
  await built.app.close();
  await database.close();
});

describe("事项目录 list", () => {
  it("counts each item's materials and exempt ones (材料（免提交）), and filters by material source", async () => {
    const input = itemInput(tenant.units.a1.id);
    const created = await built.app.inject({
      method: "POST",
      url: "/api/catalog/items",
      headers: authHeaders(manager),
      payload: input,
    });
    expect(created.statusCode).toBe(201);
    const list = await built.app.inject({ url: `/api/catalog/items?q=${input.code}`, headers: authHeaders(manager) });
    expect(list.json().items[0]).toMatchObject({ materialCount: 2, exemptCount: 1 });
    const bySource = await built.app.inject({
      url: `/api/catalog/items?q=${input.code}&materialSource=shared_data`,
      headers: authHeaders(manager),
    });
    expect(bySource.json().total).toBe(1);
  });
});
