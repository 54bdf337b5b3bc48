import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { buildCityTicket } from "../../../test/factories/work-order.factory.ts";
import { authHeaders, buildTestApp } from "../../../test/test-app.ts";
import { openTestDatabase } from "../../../test/test-db.ts";
import type { Database } from "../../platform/db/client.ts";
import { issueApiKey } from "../api-keys/api-keys.service.ts";

let database: Database;
let tenant: TestTenant;
let built: Awaited<ReturnType<typeof buildTestApp>>;
let key: string;
let dispatcher: TestUser;
const clock = { now: () => new Date("2022-12-30T02:00:00Z") };

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await buildTenant(database.db);
  built = await buildTestApp(database, clock);
  key = (
    await issueApiKey(
      { db: database.db, tenantId: tenant.id, orgUnitId: tenant.units.root.id, createdBy: "t" },
      { name: "市平台", scopes: ["tickets:write"] },
    )
  ).secret;
  dispatcher = await buildUser(database.db, tenant.id, tenant.units.root.id, ["dispatcher"]);
});
afterAll(async () => {
  await built.app.close();
  await database.close();
});

describe("工单统计 by month", () => {
  it("lists months by date, each with its own 上年同期 and 同比", async () => {
    const at = { "2021-03-10": 2, "2021-05-10": 1, "2022-03-10": 1, "2022-05-10": 3 };
    for (const [day, n] of Object.entries(at)) {
      for (let i = 0; i < n; i++) {
        const res = await built.app.inject({
          method: "POST",
          url: "/api/intake/city-tickets",
          headers: { "x-api-key": key },
          payload: buildCityTicket({ receivedAt: `${day}T10:00:00+08:00` }),
        });
        expect(res.statusCode).toBe(201);
      }
    }
    const res = await built.app.inject({
      url: "/api/work-orders/metrics?groupBy=month&from=2022-01-01T00:00:00%2B08:00&to=2023-01-01T00:00:00%2B08:00",
      headers: authHeaders(dispatcher),
    });
    expect(res.statusCode).toBe(200);
    const groups = res
      .json()
      .groups.map(
        (g: { key: string; counts: { volume: number }; previousVolume: number; yoyGrowth: number | null }) => [
          g.key,
          g.counts.volume,
          g.previousVolume,
          g.yoyGrowth,
        ],
      );
    expect(groups).toEqual([
      ["2022-03", 1, 2, -0.5],
      ["2022-05", 3, 1, 2],
    ]);
    expect(res.json().total).toMatchObject({ previousVolume: 3, yoyGrowth: round(4 / 3 - 1) });
  });
});

function round(x: number) {
  return Math.round(x * 10000) / 10000;
}
