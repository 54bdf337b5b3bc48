import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendAppealWeeks } from "../../../test/factories/appeal-tickets.factory.ts";
import { buildTownAndVillage } from "../../../test/factories/place.factory.ts";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { buildCityTicket } from "../../../test/factories/work-order.factory.ts";
import { authHeaders, buildTestApp } from "../../../test/test-app.ts";
import { openTestDatabase } from "../../../test/test-db.ts";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { issueApiKey } from "../api-keys/api-keys.service.ts";

let database: Database;
let tenant: TestTenant;
let built: Awaited<ReturnType<typeof buildTestApp>>;
let dispatcher: TestUser;
let handler: TestUser;
let hallStaff: TestUser;
let townId = "";
const clock = { now: () => new Date("2022-03-21T02:00:00Z") };
const REPEAT_PHONE = "13912340001";

/** A Monday and the following days, YYYY-MM-DD. */
const _day = (monday: string, plus: number) =>
  new Date(Date.parse(`${monday}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await buildTenant(database.db);
  built = await buildTestApp(database, clock);
  const place = await buildTownAndVillage(database.db, tenant);
  townId = place.townId;
  const { townCode } = place;
  const key = (
    await issueApiKey(
      { db: database.db, tenantId: tenant.id, orgUnitId: tenant.units.root.id, createdBy: "t" },
      { name: "市平台", scopes: ["tickets:write"] },
    )
  ).secret;
  dispatcher = await buildUser(database.db, tenant.id, tenant.units.root.id, ["dispatcher"]);
  handler = await buildUser(database.db, tenant.id, tenant.units.a.id, ["handler"]);
  hallStaff = await buildUser(database.db, tenant.id, tenant.units.root.id, ["hall_staff"]);
  const send = async (over: Parameters<typeof buildCityTicket>[0]) => {
    const res = await built.app.inject({
      method: "POST",
      url: "/api/intake/city-tickets",
      headers: { "x-api-key": key },
      payload: buildCityTicket(over),
    });
    expect(res.statusCode).toBe(201);
  };
  await sendAppealWeeks(send, townCode, REPEAT_PHONE);
}, 120_000);
afterAll(async () => {
  await built.app.close();
  await database.close();
});

const get = (user: TestUser, url: string) => built.app.inject({ url, headers: authHeaders(user) });

describe("诉求 analysis", () => {
  it("stores each new ticket's topic terms, segmented, without the boilerplate or the place", async () => {
    const rows = await queryRows<{ keywords: string[] }>(
      database.db,
      sql`select keywords from work_orders where tenant_id = ${tenant.id} and title = '河涌黑臭整治后反弹' limit 1`,
    );
    const keywords = rows[0]?.keywords ?? [];
    expect(keywords).toEqual(expect.arrayContaining(["河涌", "黑臭", "整改"]));
    expect(keywords.some((k) => /来电人|反映|岭南|东岭/.test(k))).toBe(false);
  });

  it("ranks hot topics and categories over a period, inside the reader's scope", async () => {
    const res = await get(dispatcher, "/api/dashboard/appeals/hot-topics?from=2022-01-01&to=2022-03-31");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(39);
    const count = (term: string) => body.terms.find((t: { term: string }) => t.term === term)?.count;
    expect(count("路灯")).toBe(27);
    expect(count("河涌")).toBe(12);
    const counts = body.terms.map((t: { count: number }) => t.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(body.categories[0]).toMatchObject({ category: "help", label: "求助", count: 27 });
    const town = await get(
      dispatcher,
      `/api/dashboard/appeals/hot-topics?from=2022-01-01&to=2022-03-31&townId=${townId}`,
    );
    expect(town.json().total).toBe(12);
    // The handler's unit received none of them.
    const scoped = await get(handler, "/api/dashboard/appeals/hot-topics?from=2022-01-01&to=2022-03-31");
    expect(scoped.json()).toMatchObject({ total: 0, terms: [] });
  });

  it("flags what rises against its own trailing eight weeks, not what stays at its level", async () => {
    const res = await get(dispatcher, "/api/dashboard/appeals/rising-topics?week=2022-03-16");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ weekStart: "2022-03-14", weekEnd: "2022-03-20" });
    expect(body.method).toContain("泊松");
    const stream = body.rising.find((r: { key: string }) => r.key === "河涌");
    expect(stream).toMatchObject({ kind: "term", count: 12, history: [0, 0, 0, 0, 0, 0, 0, 0] });
    expect(stream.pValue).toBeLessThan(0.001);
    expect(body.rising.some((r: { key: string }) => r.key === "路灯")).toBe(false);
    expect(body.rising.some((r: { kind: string; key: string }) => r.kind === "category" && r.key === "complaint")).toBe(
      true,
    );
    // The week before: nothing new.
    const before = await get(dispatcher, "/api/dashboard/appeals/rising-topics?week=2022-03-07");
    expect(before.json().rising).toEqual([]);
  });

  it("finds a village's cluster of one topic within 30 days", async () => {
    const res = await get(dispatcher, "/api/dashboard/appeals/hot-spots?from=2022-03-01&to=2022-03-31&minCount=5");
    expect(res.statusCode).toBe(200);
    const spot = res.json().spots.find((s: { term: string }) => s.term === "河涌");
    expect(spot).toMatchObject({ community: "东岭村", town: "岭南镇", count: 12 });
  });

  it("lists repeat callers with the number masked and their tickets", async () => {
    const res = await get(dispatcher, "/api/dashboard/appeals/repeat-callers?from=2022-03-01&to=2022-03-31");
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(REPEAT_PHONE);
    const callers = res.json().callers;
    expect(callers).toHaveLength(1);
    expect(callers[0]).toMatchObject({ phone: "139****0001", count: 4 });
    expect(callers[0].workOrderIds).toHaveLength(4);
  });

  it("answers bad periods, unknown places and other roles with clear errors", async () => {
    const long = await get(dispatcher, "/api/dashboard/appeals/hot-topics?from=2019-01-01&to=2022-12-31");
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toContain("3 年");
    const reversed = await get(dispatcher, "/api/dashboard/appeals/hot-spots?from=2022-03-31&to=2022-03-01");
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toContain("结束日期");
    const unknown = await get(
      dispatcher,
      `/api/dashboard/appeals/hot-topics?from=2022-01-01&to=2022-03-31&townId=${randomUUID()}`,
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain("townId");
    const bad = await get(dispatcher, "/api/dashboard/appeals/rising-topics?week=2022-02-30");
    expect(bad.statusCode).toBe(400);
    const other = await get(hallStaff, "/api/dashboard/appeals/hot-topics?from=2022-01-01&to=2022-03-31");
    expect(other.statusCode).toBe(403);
  });
});
