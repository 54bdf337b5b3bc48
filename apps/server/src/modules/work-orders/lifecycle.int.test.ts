import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { buildCityTicket } from "../../../test/factories/work-order.factory.ts";
import { authHeaders, buildTestApp } from "../../../test/test-app.ts";
import { openTestDatabase } from "../../../test/test-db.ts";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { issueApiKey } from "../api-keys/api-keys.service.ts";
import { runEscalation } from "./escalation.job.ts";

let database: Database;
let tenant: TestTenant;
let built: Awaited<ReturnType<typeof buildTestApp>>;
let key: string;
let dispatcher: TestUser;
let handlerA: TestUser;
let handlerB: TestUser;
let now = new Date("2022-10-08T02:00:00Z");
const clock = { now: () => new Date(now) };

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
  handlerA = await buildUser(database.db, tenant.id, tenant.units.a.id, ["handler"]);
  handlerB = await buildUser(database.db, tenant.id, tenant.units.b.id, ["handler"]);
});
afterAll(async () => {
  await built.app.close();
  await database.close();
});

async function intake(overrides = {}): Promise<string> {
  const res = await built.app.inject({
    method: "POST",
    url: "/api/intake/city-tickets",
    headers: { "x-api-key": key },
    payload: buildCityTicket(overrides),
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}
async function act(user: TestUser, id: string, body: object) {
  return built.app.inject({
    method: "POST",
    url: `/api/work-orders/${id}/transitions`,
    headers: authHeaders(user),
    payload: { attachments: [], ...body },
  });
}
async function detail(user: TestUser, id: string) {
  return (await built.app.inject({ url: `/api/work-orders/${id}`, headers: authHeaders(user) })).json();
}

describe("a ticket from intake to follow-up", () => {
  it("moves through every step, each an event, and the status always equals the last event", async () => {
    const id = await intake();
    const steps: Array<[TestUser, object, string]> = [
      [dispatcher, { action: "dispatch", unitId: tenant.units.a1.id }, "dispatched"],
      [handlerA, { action: "accept" }, "accepted"],
      [handlerA, { action: "start" }, "in_progress"],
      [handlerA, { action: "reply", reason: "已协调施工单位停止夜间施工" }, "replied"],
      [dispatcher, { action: "approve_reply" }, "follow_up"],
      [dispatcher, { action: "follow_up", satisfaction: 5, resolved: true, praise: true }, "closed"],
    ];
    for (const [user, body, status] of steps) {
      const res = await act(user, id, body);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe(status);
      const d = await detail(dispatcher, id);
      expect(d.events.at(-1).toStatus).toBe(d.status);
    }
    const d = await detail(dispatcher, id);
    expect(d.events.map((e: { action: string }) => e.action)).toEqual([
      "receive",
      "dispatch",
      "accept",
      "start",
      "reply",
      "approve_reply",
      "follow_up",
    ]);
    expect(d).toMatchObject({ satisfaction: 5, resolved: true, praise: true, unitName: tenant.units.a1.name });
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from work_order_events where work_order_id = ${id}`,
    );
    expect(row?.n).toBe(7);
  });

  it("refuses out-of-order steps with 409 and other units' handlers with 404", async () => {
    const id = await intake();
    const early = await act(dispatcher, id, { action: "approve_reply" });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.code).toBe("invalid_transition");
    await act(dispatcher, id, { action: "dispatch", unitId: tenant.units.a1.id });
    expect((await act(handlerB, id, { action: "accept" })).statusCode).toBe(404);
    expect((await built.app.inject({ url: `/api/work-orders/${id}`, headers: authHeaders(handlerB) })).statusCode).toBe(
      404,
    );
    const list = await built.app.inject({ url: "/api/work-orders?pageSize=200", headers: authHeaders(handlerB) });
    expect(list.json().items.map((w: { id: string }) => w.id)).not.toContain(id);
    expect((await act(dispatcher, id, { action: "accept" })).statusCode).toBe(403);
  });

  it("counts a redo round when the caller is unsatisfied and the unit at fault, with a new deadline", async () => {
    const id = await intake();
    await act(dispatcher, id, { action: "dispatch", unitId: tenant.units.a1.id });
    await act(handlerA, id, { action: "accept" });
    await act(handlerA, id, { action: "reply", reason: "已处理" });
    await act(dispatcher, id, { action: "approve_reply" });
    const redo = await act(dispatcher, id, {
      action: "follow_up",
      satisfaction: 1,
      resolved: false,
      unitAtFault: true,
    });
    expect(redo.json()).toMatchObject({ status: "in_progress", redoCount: 1 });
    expect(redo.json().closeDueAt).not.toBe((await detail(dispatcher, id)).events[0].at);
  });

  it("returns: approved → back to the centre and counted; refused → improper, back to the unit", async () => {
    const id = await intake();
    await act(dispatcher, id, { action: "dispatch", unitId: tenant.units.a1.id });
    expect((await act(handlerA, id, { action: "request_return" })).statusCode).toBe(400);
    await act(handlerA, id, { action: "request_return", reason: "不属于本单位职责" });
    const refused = await act(dispatcher, id, { action: "reject_return", reason: "属于本单位职责" });
    expect(refused.json()).toMatchObject({ status: "dispatched", improperReturnCount: 1 });
    await act(handlerA, id, { action: "request_return", reason: "确实不属于" });
    const approved = await act(dispatcher, id, { action: "approve_return" });
    expect(approved.json()).toMatchObject({ status: "received", returnCount: 1, unitId: null });
  });

  it("extends the deadline once, by at most the original limit", async () => {
    const id = await intake({ category: "consult" });
    await act(dispatcher, id, { action: "dispatch", unitId: tenant.units.a1.id });
    await act(handlerA, id, { action: "accept" });
    await act(handlerA, id, { action: "request_extension", reason: "需现场核查" });
    const ok = await act(dispatcher, id, { action: "approve_extension", extensionDays: 10 });
    // consult: 2 WD limit → capped at 2 more WD: 2022-10-09 → 2022-10-11 17:00
    expect(ok.json()).toMatchObject({
      status: "in_progress",
      extensionCount: 1,
      closeDueAt: "2022-10-11T09:00:00.000Z",
    });
    const again = await act(handlerA, id, { action: "request_extension", reason: "再延" });
    expect(again.json().error.details.code).toBe("extension_limit");
  });
});

describe("supervision of overdue tickets", () => {
  it("escalates by the clock and writes each escalation once, however often the job runs", async () => {
    const id = await intake({ category: "consult" });
    now = new Date("2022-10-08T10:00:00Z"); // 18:00 in Guangzhou: past the accept deadline of 17:00
    const first = await runEscalation(database.db, clock, tenant.id);
    const second = await runEscalation(database.db, clock, tenant.id);
    expect(first.raised).toBeGreaterThanOrEqual(1);
    expect(second.raised).toBe(0);
    expect((await detail(dispatcher, id)).supervisionLevel).toBe(1);
    now = new Date("2022-10-12T02:00:00Z");
    await Promise.all([runEscalation(database.db, clock, tenant.id), runEscalation(database.db, clock, tenant.id)]);
    const d = await detail(dispatcher, id);
    expect(d.supervisionLevel).toBe(3);
    expect(d.events.filter((e: { action: string }) => e.action === "supervise")).toHaveLength(2);
    now = new Date("2022-10-08T02:00:00Z");
  });
});

describe("duplicates", () => {
  it("flags a similar ticket at the same address and merges it, keeping both callers", async () => {
    const master = await intake({
      address: "新华街道某某路1号",
      content: "新华街道某某路1号工地夜间施工噪音大，影响休息",
      callerPhone: "13800000001",
    });
    const dup = await intake({
      address: "新华街道某某路1号",
      content: "新华街道某某路1号工地晚上施工噪音很大，影响休息",
      callerPhone: "13800000002",
    });
    const other = await intake({
      address: "新华街道某某路1号",
      title: "路灯不亮",
      content: "门口路灯坏了",
      callerPhone: "13800000003",
    });
    expect((await detail(dispatcher, dup)).duplicateOf).toBe(master);
    expect((await detail(dispatcher, other)).duplicateOf).toBeNull();
    const candidates = await built.app.inject({
      url: `/api/work-orders/${dup}/duplicates`,
      headers: authHeaders(dispatcher),
    });
    expect(candidates.json().items[0].workOrder.id).toBe(master);
    const merged = await built.app.inject({
      method: "POST",
      url: `/api/work-orders/${dup}/merge`,
      headers: authHeaders(dispatcher),
      payload: { masterId: master },
    });
    expect(merged.json()).toMatchObject({ status: "merged", masterId: master });
    const contacts = await built.app.inject({
      url: `/api/work-orders/${master}/contacts`,
      headers: authHeaders(dispatcher),
    });
    expect(
      contacts
        .json()
        .items.map((c: { phone: string }) => c.phone)
        .sort(),
    ).toEqual(["13800000001", "13800000002"]);
    const audit = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'work_order.contacts.read' and entity_id = ${master}`,
    );
    expect(audit[0]?.n).toBe(1);
  });
});

describe("routing suggestions", () => {
  it("ranks the unit that closed similar tickets in the same town, with the reason", async () => {
    const tickets = [
      await intake({ title: "路灯不亮", content: "村口路灯不亮" }),
      await intake({ title: "路灯坏了", content: "路灯坏了很久" }),
    ];
    for (const id of tickets) {
      await act(dispatcher, id, { action: "dispatch", unitId: tenant.units.b1.id });
      await act(handlerB, id, { action: "accept" });
      await act(handlerB, id, { action: "reply", reason: "已修复" });
      await act(dispatcher, id, { action: "approve_reply" });
      await act(dispatcher, id, { action: "follow_up", satisfaction: 4 });
    }
    const fresh = await intake({ title: "路灯又不亮了", content: "小区门口路灯不亮" });
    const res = await built.app.inject({
      url: `/api/work-orders/${fresh}/suggestions`,
      headers: authHeaders(dispatcher),
    });
    expect(res.json().items[0]).toMatchObject({ unitId: tenant.units.b1.id });
    expect(res.json().items[0].reason).toContain("路灯");
  });
});

describe("metrics and their tickets", () => {
  it("opens every counted figure to exactly the tickets it counts, and exports them", async () => {
    const m = (
      await built.app.inject({
        url: "/api/work-orders/metrics?groupBy=category&from=2022-01-01T00:00:00%2B08:00&to=2023-01-01T00:00:00%2B08:00",
        headers: authHeaders(dispatcher),
      })
    ).json();
    expect(m.total.counts.volume).toBeGreaterThan(5);
    expect(m.total.onTimeCloseRate).toBe(
      Math.round((m.total.counts.closeOnTime / m.total.counts.closeDue) * 10000) / 10000,
    );
    expect(m.formulas.onTimeCloseRate).toContain("按时办结率");
    for (const metric of [
      "volume",
      "closeDue",
      "closeOnTime",
      "satisfied",
      "followedUp",
      "redo",
      "praises",
      "improperReturns",
    ]) {
      const list = await built.app.inject({
        url: `/api/work-orders?metric=${metric}&from=2022-01-01T00:00:00%2B08:00&to=2023-01-01T00:00:00%2B08:00&pageSize=1`,
        headers: authHeaders(dispatcher),
      });
      expect(list.json().total, metric).toBe(m.total.counts[metric]);
    }
    const complaint = m.groups.find((g: { key: string }) => g.key === "complaint");
    const drill = await built.app.inject({
      url: "/api/work-orders?metric=volume&category=complaint&from=2022-01-01T00:00:00%2B08:00&to=2023-01-01T00:00:00%2B08:00",
      headers: authHeaders(dispatcher),
    });
    expect(drill.json().total).toBe(complaint.counts.volume);
    const xlsx = await built.app.inject({
      url: "/api/work-orders/export.xlsx?category=complaint",
      headers: authHeaders(dispatcher),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.rowCount).toBe(complaint.counts.volume + 1);
    expect(xlsx.body).not.toContain("13800000001");
  });
});

describe("public progress page", () => {
  it("shows progress for the number and phone tail only, and a merged ticket follows its master", async () => {
    const ticket = buildCityTicket({ callerPhone: "13912345678" });
    await built.app.inject({
      method: "POST",
      url: "/api/intake/city-tickets",
      headers: { "x-api-key": key },
      payload: ticket,
    });
    const ok = await built.app.inject({ url: `/api/public/work-orders/${ticket.cityTicketNo}?phoneTail=5678` });
    expect(ok.json()).toMatchObject({ number: ticket.cityTicketNo, statusLabel: "待派单" });
    expect(ok.body).not.toContain("13912345678");
    expect(
      (await built.app.inject({ url: `/api/public/work-orders/${ticket.cityTicketNo}?phoneTail=0000` })).statusCode,
    ).toBe(404);
    expect(
      (await built.app.inject({ url: `/api/public/work-orders/${ticket.cityTicketNo}?phoneTail=12` })).statusCode,
    ).toBe(400);
  });
});
