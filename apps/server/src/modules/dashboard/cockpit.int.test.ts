import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTownAndVillage, type TestPlace } from "../../../test/factories/place.factory.ts";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { buildCityTicket } from "../../../test/factories/work-order.factory.ts";
import { authHeaders, buildTestApp } from "../../../test/test-app.ts";
import { openTestDatabase } from "../../../test/test-db.ts";
import type { Database } from "../../platform/db/client.ts";
import { issueApiKey } from "../api-keys/api-keys.service.ts";
import { MAX_AGE_SECONDS } from "./cockpit.service.ts";

let database: Database;
let tenant: TestTenant;
let built: Awaited<ReturnType<typeof buildTestApp>>;
let key = "";
let leader: TestUser;
let dispatcher: TestUser;
let hallStaff: TestUser;
let place: TestPlace;
let now = new Date("2022-06-15T03:00:00Z");
const clock = { now: () => now };

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await buildTenant(database.db);
  place = await buildTownAndVillage(database.db, tenant);
  built = await buildTestApp(database, clock);
  key = (
    await issueApiKey(
      { db: database.db, tenantId: tenant.id, orgUnitId: tenant.units.root.id, createdBy: "t" },
      { name: "市平台", scopes: ["tickets:write"] },
    )
  ).secret;
  leader = await buildUser(database.db, tenant.id, tenant.units.root.id, ["leader"]);
  dispatcher = await buildUser(database.db, tenant.id, tenant.units.root.id, ["dispatcher"]);
  hallStaff = await buildUser(database.db, tenant.id, tenant.units.root.id, ["hall_staff"]);
});
afterAll(async () => {
  await built.app.close();
  await database.close();
});

const ticket = async (receivedAt: string, inTown = false, kind: "hotline" | "grid_event" = "hotline") => {
  const res = await built.app.inject({
    method: "POST",
    url: "/api/intake/city-tickets",
    headers: { "x-api-key": key },
    payload: buildCityTicket({ receivedAt, kind, ...(inTown ? { townCode: place.townCode } : {}) }),
  });
  expect(res.statusCode).toBe(201);
};
const cockpit = (user: TestUser) => built.app.inject({ url: "/api/dashboard/cockpit", headers: authHeaders(user) });

describe("领导驾驶舱", () => {
  it("shows each module the reader may see, computed from its service, and null where they may not", async () => {
    await ticket("2022-06-15T09:00:00+08:00", true);
    await ticket("2022-06-15T10:00:00+08:00");
    await ticket("2022-03-01T10:00:00+08:00", true);
    await ticket("2021-03-01T10:00:00+08:00");
    // A grid event today is neither a call nor one of the year's hotline tickets (the report's count).
    await ticket("2022-06-15T10:30:00+08:00", false, "grid_event");
    const res = await cockpit(leader);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2022, today: "2022-06-15", maxAgeSeconds: MAX_AGE_SECONDS });
    expect(body.workOrders).toMatchObject({ today: 2, year: 3, previousYear: 1, yoyGrowth: 2 });
    expect(body.hall).toMatchObject({ todayVisitors: 0, yearCases: 0, waitingNow: 0, bookingsToday: 0 });
    // None is closed; the two received before today are past their close-by time (the 超期 queue).
    expect(body.backlog).toEqual({ open: 5, overdue: 2 });
    expect(body.towns.measure).toBe("overdueShare");
    expect(body.towns.items).toEqual([{ id: place.townId, name: "岭南镇", open: 2, overdue: 1, overdueShare: 0.5 }]);
    // June 2022 so far against June 2021: nothing due yet, so no rate either side.
    expect(body.workOrders.month).toMatchObject({
      from: "2022-06-01T00:00:00+08:00",
      to: "2022-07-01T00:00:00+08:00",
      lastYear: { from: "2021-06-01T00:00:00+08:00", onTimeCloseRate: null },
    });
    expect(body.ratings.badOpen).toBe(0);
    const list = await built.app.inject({
      url: "/api/work-orders?queue=overdue",
      headers: authHeaders(leader),
    });
    expect(list.json().total).toBe(body.backlog.overdue);
    expect(body.ratings).not.toBeNull();
    expect(body.appeals.weekStart).toBe("2022-06-13");
    // A dispatcher reads tickets but not halls, ratings or budgets.
    const d = (await cockpit(dispatcher)).json();
    expect(d.workOrders.year).toBe(3);
    expect([d.hall, d.ratings, d.budget]).toEqual([null, null, null]);
    expect(d.backlog.open).toBe(5);
    expect((await cockpit(hallStaff)).statusCode).toBe(403);
  });

  it("serves one computation per reader for its maximum age, then the last figures while one refresh runs", async () => {
    const first = (await cockpit(leader)).json();
    await ticket("2022-06-15T11:00:00+08:00");
    now = new Date(now.getTime() + (MAX_AGE_SECONDS - 5) * 1000);
    const cached = (await cockpit(leader)).json();
    expect(cached.computedAt).toBe(first.computedAt);
    expect(cached.workOrders.today).toBe(first.workOrders.today);
    // Past its age: this reader still gets the last figures, and starts the one recomputation.
    now = new Date(now.getTime() + 10_000);
    const stale = (await cockpit(leader)).json();
    expect(stale.computedAt).toBe(first.computedAt);
    await expect
      .poll(async () => (await cockpit(leader)).json().computedAt, { timeout: 10_000 })
      .toBe(now.toISOString());
    const fresh = (await cockpit(leader)).json();
    expect(fresh.workOrders.today).toBe(first.workOrders.today + 1);
    // Nobody asked for twice its age: the next reader waits for new figures rather than old ones.
    await ticket("2022-06-15T11:30:00+08:00");
    now = new Date(now.getTime() + 2 * MAX_AGE_SECONDS * 1000 + 1000);
    const later = (await cockpit(leader)).json();
    expect(later.computedAt).toBe(now.toISOString());
    expect(later.workOrders.today).toBe(first.workOrders.today + 2);
  });

  it("refuses a year outside the service era with a Chinese message", async () => {
    const res = await built.app.inject({ url: "/api/dashboard/cockpit?year=1800", headers: authHeaders(leader) });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("2000");
  });
});
