import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildHall, buildIdNumber, movableClock, type TestHall } from "../../../test/factories/hall.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { findSlots } from "./halls.repo.ts";

const clock = movableClock("2025-03-03T08:30:00+08:00");
const h = setUpHarness({ clock });
let hall: TestHall;
let staff: TestUser;
let outsider: TestUser;

const at = (hhmm: string) => clock.set(`2025-03-03T${hhmm}:00+08:00`);
const group = (i: number) => {
  const g = hall.groups[i];
  if (!g) {
    throw new Error("missing group");
  }
  return g;
};
const win = (gi: number, wi = 0) => group(gi).windows[wi] ?? "";

beforeAll(async () => {
  hall = await buildHall(h.database.db, h.tenant.id, h.tenant.units.a1.id, clock);
  // Works several windows here: a clerk who also supervises the hall is not bound to one window.
  staff = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a1.id, ["hall_staff", "supervisor"]);
  outsider = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b1.id, ["hall_staff"]);
});

async function bookAt(hhmm: string, idNumber = buildIdNumber()): Promise<string> {
  const slots = await findSlots(h.database.db, hall.id, {
    groupId: group(0).id,
    fromDay: "2025-03-03",
    toDay: "2025-03-03",
  });
  const slot = slots.find((s) => s.startsAt.getTime() === new Date(`2025-03-03T${hhmm}:00+08:00`).getTime());
  const res = await h.built.app.inject({
    method: "POST",
    url: "/api/public/bookings",
    payload: { slotId: slot?.id, itemCode: "I-A1", personName: "陈小明", idNumber, phone: "13800138000" },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code;
}

const checkIn = (payload: object, user = staff) =>
  h.built.app.inject({ method: "POST", url: `/api/halls/${hall.id}/check-ins`, headers: authHeaders(user), payload });
const walkIn = (groupIndex = 0, itemCode = "I-A1") =>
  checkIn({ kind: "walk_in", groupId: group(groupIndex).id, itemCode });
const act = (windowId: string, payload: object, user = staff) =>
  h.built.app.inject({
    method: "POST",
    url: `/api/hall-windows/${windowId}/actions`,
    headers: authHeaders(user),
    payload,
  });

describe("check-in and queue", () => {
  it("numbers per group and day, bookings first within their slot, then by arrival", async () => {
    at("08:00");
    const code = await bookAt("09:00");
    at("08:40");
    const w1 = await walkIn();
    expect(w1.statusCode, w1.body).toBe(201);
    expect(w1.json().number).toBe("A001");
    at("08:45");
    const b1 = await checkIn({ kind: "booking", code: code.toLowerCase() });
    expect(b1.json()).toMatchObject({ number: "A002", kind: "booking" });
    at("08:50");
    expect((await walkIn()).json().number).toBe("A003");
    at("08:52");
    expect((await walkIn(1, "I-B1")).json().number).toBe("B001");

    at("08:55");
    // Before 9:00 the early booker waits behind the walk-in who came first.
    expect((await act(win(0, 0), { action: "call_next" })).json().ticket.number).toBe("A001");
    at("09:05");
    // From 9:00 the booker of the 9:00 slot goes ahead of the 8:50 walk-in.
    expect((await act(win(0, 1), { action: "call_next" })).json().ticket.number).toBe("A002");
    const again = await act(win(0, 1), { action: "call_next" });
    expect(again.json().error.details.code).toBe("window_busy");
    const queue = await h.built.app.inject({
      url: `/api/halls/${hall.id}/queue?windowId=${win(0, 1)}`,
      headers: authHeaders(staff),
    });
    expect(queue.json().current.number).toBe("A002");
    expect(queue.json().waiting.map((t: { number: string }) => t.number)).toEqual(["A003", "B001"]);
  });

  it("a booking code is used once and only on its day", async () => {
    at("08:00");
    const code = await bookAt("11:00");
    expect((await checkIn({ kind: "booking", code })).statusCode).toBe(201);
    const twice = await checkIn({ kind: "booking", code });
    expect(twice.json().error.details.code).toBe("booking_not_open");
  });

  it("finishing writes the service case with item, window, staff, times and result", async () => {
    at("09:10");
    expect((await act(win(0, 1), { action: "start" })).json().ticket.status).toBe("serving");
    at("09:25");
    const done = await act(win(0, 1), { action: "finish", result: "completed", note: "当场办结" });
    expect(done.statusCode, done.body).toBe(200);
    const caseId = done.json().caseId;
    const [row] = await queryRows<Record<string, unknown>>(
      h.database.db,
      sql`select c.item_code, c.window_name, c.staff_user_id, c.result, c.wait_seconds, c.service_seconds,
                 c.booking_id is not null as booked, b.status as booking_status
          from service_cases c left join bookings b on b.id = c.booking_id where c.id = ${caseId}`,
    );
    expect(row).toMatchObject({
      item_code: "I-A1",
      window_name: "2号窗口",
      staff_user_id: staff.id,
      result: "completed",
      booked: true,
      booking_status: "served",
      // Called at 9:05, slot began 9:00 (checked in 8:45): waited 5 minutes; served 9:10–9:25.
      wait_seconds: 300,
      service_seconds: 900,
    });
    const list = await h.built.app.inject({
      url: `/api/appointments/cases?hallId=${hall.id}`,
      headers: authHeaders(staff),
    });
    expect(list.json().items[0]).toMatchObject({ id: caseId, windowName: "2号窗口", result: "completed" });
    const audit = await queryRows<{ action: string }>(
      h.database.db,
      sql`select action from audit_log where tenant_id = ${h.tenant.id} and action like 'queue.%'`,
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["queue.check_in", "queue.call", "queue.finish"]),
    );
  });

  it("passes over a visitor only after the configured number of calls; a booker becomes a no-show", async () => {
    at("09:30");
    await act(win(0, 0), { action: "start" });
    await act(win(0, 0), { action: "finish", result: "consulted" });
    const code = await bookAt("10:00", buildIdNumber());
    at("10:01");
    const t = await checkIn({ kind: "booking", code });
    await act(win(0, 0), { action: "call_next" });
    // A003 (walk-in 8:50) vs the 10:00 booker: the booker's slot has begun, so it comes first.
    const current = await h.built.app.inject({
      url: `/api/halls/${hall.id}/queue?windowId=${win(0, 0)}`,
      headers: authHeaders(staff),
    });
    expect(current.json().current.number).toBe(t.json().number);
    const early = await act(win(0, 0), { action: "skip" });
    expect(early.json().error.details.code).toBe("calls_not_reached");
    await act(win(0, 0), { action: "recall" });
    await act(win(0, 0), { action: "recall" });
    const skipped = await act(win(0, 0), { action: "skip" });
    expect(skipped.json().ticket.status).toBe("skipped");
    const [b] = await queryRows<{ status: string }>(
      h.database.db,
      sql`select status from bookings where code = ${code}`,
    );
    expect(b?.status).toBe("no_show");
  });

  it("transfers a visitor to another group, keeping the number", async () => {
    await act(win(0, 0), { action: "call_next" });
    const moved = await act(win(0, 0), { action: "transfer", groupId: group(1).id });
    expect(moved.json().ticket).toMatchObject({ number: "A003", status: "waiting", groupId: group(1).id });
    // A003 checked in at 8:50, before B001 (8:52): it keeps its place and is called first at group B.
    const next = await act(win(1, 0), { action: "call_next" });
    expect(next.json().ticket.number).toBe("A003");
  });

  it("staff of another hall get 404 on this hall's windows and check-in", async () => {
    expect((await act(win(1, 1), { action: "call_next" }, outsider)).statusCode).toBe(404);
    expect((await checkIn({ kind: "walk_in", groupId: group(0).id, itemCode: "I-A1" }, outsider)).statusCode).toBe(404);
  });

  // Group A still holds the 11:00 booker checked in early; group B holds B001.
  it("the hall board lists called numbers without names and the waiting count per group", async () => {
    const board = await h.built.app.inject({ url: `/api/public/halls/${hall.id}/board` });
    expect(board.statusCode).toBe(200);
    expect(board.json().calling[0]).toMatchObject({ number: "A003", windowName: "3号窗口" });
    expect(board.body).not.toContain("陈小明");
    expect(board.json().waiting).toEqual([
      { groupName: "综合受理", prefix: "A", count: 1 },
      { groupName: "不动产登记", prefix: "B", count: 1 },
    ]);
  });

  it("metrics count what the lists contain", async () => {
    const m = await h.built.app.inject({
      url: `/api/appointments/metrics?hallId=${hall.id}&groupBy=window`,
      headers: authHeaders(staff),
    });
    expect(m.statusCode, m.body).toBe(200);
    const body = m.json();
    expect(body.total.cases).toBe(2);
    expect(body.total.visitors).toBe(6);
    expect(body.total.noShows).toBe(1);
    const cases = await h.built.app.inject({
      url: `/api/appointments/cases?hallId=${hall.id}`,
      headers: authHeaders(staff),
    });
    expect(cases.json().total).toBe(body.total.cases);
    const noShows = await h.built.app.inject({
      url: `/api/appointments/bookings?hallId=${hall.id}&status=no_show`,
      headers: authHeaders(staff),
    });
    expect(noShows.json().total).toBe(body.total.noShows);
    expect(noShows.json().items[0].idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const w2 = body.groups.find((g: { key: string }) => g.key === "2号窗口");
    expect(w2.cases).toBe(1);
    // Periods are business days in Beijing: a case finished at 00:30 on 3 March (16:30 UTC on
    // the 2nd) belongs to the 3rd.
    await h.database.db.execute(
      sql`update service_cases set finished_at = '2025-03-03T00:30:00+08:00'
          where id = (select id from service_cases where hall_id = ${hall.id} order by finished_at limit 1)`,
    );
    const casesIn = async (from: string, to: string) =>
      (
        await h.built.app.inject({
          url: `/api/appointments/metrics?hallId=${hall.id}&from=${from}&to=${to}`,
          headers: authHeaders(staff),
        })
      ).json().total.cases;
    expect(await casesIn("2025-03-03", "2025-03-03")).toBe(2);
    expect(await casesIn("2025-03-02", "2025-03-02")).toBe(0);
    expect(await casesIn("2025-03-04", "2025-03-31")).toBe(0);
    const badDate = await h.built.app.inject({
      url: "/api/appointments/metrics?from=2022-13-45",
      headers: authHeaders(staff),
    });
    expect(badDate.statusCode).toBe(400);
    const other = await h.built.app.inject({
      url: `/api/appointments/metrics?hallId=${hall.id}`,
      headers: authHeaders(outsider),
    });
    expect(other.json().total.cases).toBe(0);
  });

  it("one visit finishes several items of its group: one case each, the service time split in order", async () => {
    at("11:05");
    const called = await act(win(0, 0), { action: "call_next" });
    expect(called.json().ticket.status).toBe("called");
    await act(win(0, 0), { action: "start" });
    at("11:25");
    const wrong = await act(win(0, 0), { action: "finish", result: "completed", extraItemCodes: ["I-B1"] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe("extraItemCodes");
    const done = await act(win(0, 0), {
      action: "finish",
      result: "completed",
      extraItemCodes: ["I-A2", "I-A1"],
    });
    expect(done.statusCode, done.body).toBe(200);
    const ids: string[] = done.json().caseIds;
    expect(ids).toHaveLength(2);
    expect(done.json().caseId).toBe(ids[0]);
    const rows = await queryRows<{ item_code: string; started: string; finished: string; service_seconds: number }>(
      h.database.db,
      sql`select item_code, to_char(started_at at time zone 'Asia/Shanghai', 'HH24:MI') as started,
                 to_char(finished_at at time zone 'Asia/Shanghai', 'HH24:MI') as finished, service_seconds
          from service_cases where ticket_id = ${done.json().ticket.id} order by started_at`,
    );
    expect(rows).toEqual([
      { item_code: "I-A1", started: "11:05", finished: "11:15", service_seconds: 600 },
      { item_code: "I-A2", started: "11:15", finished: "11:25", service_seconds: 600 },
    ]);
    const m = await h.built.app.inject({
      url: `/api/appointments/metrics?hallId=${hall.id}`,
      headers: authHeaders(staff),
    });
    expect(m.json().total).toMatchObject({ cases: 4, visitors: 6 });
  });
});
