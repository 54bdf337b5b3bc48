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
let dispatcher: TestUser;
let key: string;

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await buildTenant(database.db);
  built = await buildTestApp(database);
  dispatcher = await buildUser(database.db, tenant.id, tenant.units.root.id, ["dispatcher"]);
  key = (
    await issueApiKey(
      { db: database.db, tenantId: tenant.id, orgUnitId: tenant.units.root.id, createdBy: "t" },
      { name: "k", scopes: ["tickets:write"] },
    )
  ).secret;
});
afterAll(async () => {
  await built.app.close();
  await database.close();
});

const intake = (o: object) =>
  built.app.inject({
    method: "POST",
    url: "/api/intake/city-tickets",
    headers: { "x-api-key": key },
    payload: buildCityTicket(o),
  });

describe("SLA policies as data", () => {
  it("creates a year's policies from the Guangdong defaults, and an edit changes later deadlines", async () => {
    const list = (
      await built.app.inject({ url: "/api/work-orders/sla-policies?year=2023", headers: authHeaders(dispatcher) })
    ).json();
    const consult = list.items.find(
      (p: { category: string | null; kind: string | null; urgency: string | null }) =>
        p.category === "consult" && !p.kind && !p.urgency,
    );
    expect(consult).toMatchObject({ closeValue: 2, closeUnit: "wd", acceptValue: 1 });
    const edited = await built.app.inject({
      method: "PUT",
      url: `/api/work-orders/sla-policies/${consult.id}`,
      headers: authHeaders(dispatcher),
      payload: {
        ...consult,
        id: undefined,
        year: undefined,
        kind: undefined,
        category: undefined,
        urgency: undefined,
        closeValue: 5,
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const res = await intake({ category: "consult", receivedAt: "2023-03-01T10:00:00+08:00" });
    const wo = (
      await built.app.inject({ url: `/api/work-orders/${res.json().id}`, headers: authHeaders(dispatcher) })
    ).json();
    expect(wo.closeDueAt).toBe("2023-03-08T09:00:00.000Z"); // Wed + 5 working days = next Wed 17:00
  });
});

describe("campaigns", () => {
  it("counts a tagged ticket only when it was received within the campaign's period", async () => {
    const tag = `涉整改${Date.now().toString(36)}`;
    const created = await built.app.inject({
      method: "POST",
      url: "/api/work-orders/campaigns",
      headers: authHeaders(dispatcher),
      payload: { tag, name: "涉整改工单", startsOn: "2022-03-15", endsOn: "2022-10-31" },
    });
    expect(created.statusCode).toBe(201);
    await intake({ campaignTags: [tag], receivedAt: "2022-03-15T08:00:00+08:00" });
    await intake({ campaignTags: [tag], receivedAt: "2022-10-31T23:00:00+08:00" });
    await intake({ campaignTags: [tag], receivedAt: "2022-11-01T00:30:00+08:00" });
    await intake({ campaignTags: [tag], receivedAt: "2022-03-14T23:59:00+08:00" });
    const list = await built.app.inject({
      url: `/api/work-orders?campaign=${encodeURIComponent(tag)}`,
      headers: authHeaders(dispatcher),
    });
    expect(list.json().total).toBe(2);
    const dup = await built.app.inject({
      method: "POST",
      url: "/api/work-orders/campaigns",
      headers: authHeaders(dispatcher),
      payload: { tag, name: "重复", startsOn: "2022-01-01", endsOn: "2021-01-01" },
    });
    expect(dup.statusCode).toBe(400);
  });
});

describe("working calendar", () => {
  it("lists a year's holidays and make-up days and lets an admin enter a new year", async () => {
    const admin = await buildUser(database.db, tenant.id, tenant.units.root.id, ["admin"]);
    const y2022 = (await built.app.inject({ url: "/api/calendar?year=2022", headers: authHeaders(admin) })).json();
    expect(y2022.items.find((d: { day: string }) => d.day === "2022-10-08")).toMatchObject({ kind: "workday" });
    const added = await built.app.inject({
      method: "POST",
      url: "/api/calendar",
      headers: authHeaders(admin),
      payload: { days: [{ day: "2098-01-01", kind: "holiday", name: "元旦" }] },
    });
    expect(added.json().items).toEqual([{ day: "2098-01-01", kind: "holiday", name: "元旦", source: "staff" }]);
    const bad = await built.app.inject({
      method: "POST",
      url: "/api/calendar",
      headers: authHeaders(admin),
      payload: { days: [{ day: "2098-13-01", kind: "party", name: "" }] },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe("campaign figures", () => {
  it("count by campaign exactly the tickets the campaign filter lists", async () => {
    const tag = `专项${Date.now().toString(36)}`;
    await built.app.inject({
      method: "POST",
      url: "/api/work-orders/campaigns",
      headers: authHeaders(dispatcher),
      payload: { tag, name: "专项", startsOn: "2022-06-01", endsOn: "2022-06-30" },
    });
    await intake({ campaignTags: [tag], receivedAt: "2022-06-10T10:00:00+08:00" });
    await intake({ campaignTags: [tag], receivedAt: "2022-07-10T10:00:00+08:00" });
    const m = (
      await built.app.inject({ url: "/api/work-orders/metrics?groupBy=campaign", headers: authHeaders(dispatcher) })
    ).json();
    const row = m.groups.find((g: { key: string }) => g.key === tag);
    const list = await built.app.inject({
      url: `/api/work-orders?campaign=${encodeURIComponent(tag)}&metric=volume`,
      headers: authHeaders(dispatcher),
    });
    expect(row.counts.volume).toBe(1);
    expect(list.json().total).toBe(1);
  });

  it("finds a ticket by the number lists show", async () => {
    const wo = (
      await built.app.inject({
        method: "POST",
        url: "/api/work-orders",
        headers: authHeaders(dispatcher),
        payload: {
          receivedAt: "2022-09-30T10:00:00+08:00",
          category: "help",
          title: "来电求助",
          content: "内容",
          campaignTags: [],
        },
      })
    ).json();
    // A ticket registered by hand gets the tenant's own number, not a bare sequence ("311318").
    expect(wo.number).toMatch(/^RX2022-\d{7}$/);
    const found = await built.app.inject({ url: `/api/work-orders?q=${wo.number}`, headers: authHeaders(dispatcher) });
    expect(found.json().items.map((w: { id: string }) => w.id)).toContain(wo.id);
  });
});
