import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildHall, buildIdNumber, movableClock, type TestHall } from "../../../test/factories/hall.factory.ts";
import { buildUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { bookings } from "./appointments.schema.ts";
import { findSlots, type SlotRow } from "./halls.repo.ts";

// Monday 3 March 2025, 08:30 Beijing time: the hall opens at 9:00.
const clock = movableClock("2025-03-03T08:30:00+08:00");
const h = setUpHarness({ clock });
let hall: TestHall;
let slots: SlotRow[];

beforeAll(async () => {
  hall = await buildHall(h.database.db, h.tenant.id, h.tenant.units.a1.id, clock, { capacity: 10 });
  slots = await findSlots(h.database.db, hall.id, {
    groupId: hall.groups[0]?.id,
    fromDay: "2025-03-01",
    toDay: "2025-03-31",
  });
});

const slotAt = (day: string, hhmm: string): SlotRow => {
  const at = new Date(`${day}T${hhmm}:00+08:00`).getTime();
  const s = slots.find((x) => x.startsAt.getTime() === at);
  if (!s) {
    throw new Error(`no slot ${day} ${hhmm}`);
  }
  return s;
};

const book = (slot: SlotRow, over: Record<string, unknown> = {}) =>
  h.built.app.inject({
    method: "POST",
    url: "/api/public/bookings",
    payload: {
      slotId: slot.id,
      itemCode: "I-A1",
      personName: "张三",
      idNumber: buildIdNumber(),
      phone: "13800138000",
      ...over,
    },
  });

describe("public booking", () => {
  it("lists halls and a hall's bookable items without windows", async () => {
    const list = await h.built.app.inject({ url: "/api/public/halls" });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(hall.id);
    const detail = await h.built.app.inject({ url: `/api/public/halls/${hall.id}` });
    const groupA = detail.json().groups[0];
    expect(groupA.items.map((i: { itemCode: string }) => i.itemCode)).toEqual(["I-A1"]);
    expect(groupA.windows).toEqual([]);
    const slotsRes = await h.built.app.inject({ url: `/api/public/halls/${hall.id}/slots?groupId=${groupA.id}` });
    // Today (from 9:00) and the next 5 working days, 14 slots a day.
    expect(new Set(slotsRes.json().items.map((s: { day: string }) => s.day)).size).toBe(6);
  });

  it("books a slot, returns a code, masks the ID number and phone, and gives an .ics file", async () => {
    const id = buildIdNumber();
    const res = await book(slotAt("2025-03-04", "09:00"), { idNumber: id, phone: "13912345678" });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(b.code).toMatch(/^[A-Z0-9]{10}$/);
    expect(b.idNumber).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(b.phone).toBe("139****5678");
    expect(res.body).not.toContain(id);
    const ics = await h.built.app.inject({
      method: "POST",
      url: `/api/public/bookings/${b.code}/ics`,
      payload: { verify: "13912345678" },
    });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers["content-type"]).toContain("text/calendar");
    expect(ics.body).toContain("DTSTART:20250304T010000Z");
    const wrong = await h.built.app.inject({
      method: "POST",
      url: `/api/public/bookings/${b.code}/lookup`,
      payload: { verify: "13900000000" },
    });
    expect(wrong.statusCode).toBe(404);
  });

  it("refuses an invalid ID number with the field and reason", async () => {
    const res = await book(slotAt("2025-03-04", "09:30"), { idNumber: "110105194912310021" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: "idNumber", code: "id_check_digit" });
    expect(res.json().error.message).toContain("校验位");
  });

  it("refuses a malformed phone number", async () => {
    const res = await book(slotAt("2025-03-04", "09:30"), { phone: "12345" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("手机号");
  });

  it("refuses a slot beyond 5 working days (outside_horizon)", async () => {
    // 3 March + 5 working days = 10 March; 11 March is the 6th.
    expect((await book(slotAt("2025-03-10", "16:30"))).statusCode).toBe(201);
    const res = await book(slotAt("2025-03-11", "09:00"));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.code).toBe("outside_horizon");
  });

  it("refuses a slot that has already started (slot_started)", async () => {
    clock.set("2025-03-03T09:10:00+08:00");
    try {
      const res = await book(slotAt("2025-03-03", "09:00"));
      expect(res.json().error.details.code).toBe("slot_started");
    } finally {
      clock.set("2025-03-03T08:30:00+08:00");
    }
  });

  it("allows one active booking per person, day and hall; a cancelled one frees the place", async () => {
    const idNumber = buildIdNumber();
    const first = await book(slotAt("2025-03-05", "09:00"), { idNumber });
    expect(first.statusCode).toBe(201);
    const second = await book(slotAt("2025-03-05", "14:00"), { idNumber });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.details.code).toBe("person_day_limit");
    expect((await book(slotAt("2025-03-06", "14:00"), { idNumber })).statusCode).toBe(201);
    const cancel = await h.built.app.inject({
      method: "POST",
      url: `/api/public/bookings/${first.json().code}/cancel`,
      payload: { verify: idNumber },
    });
    expect(cancel.json().status).toBe("cancelled");
    expect((await book(slotAt("2025-03-05", "14:00"), { idNumber })).statusCode).toBe(201);
  });

  it("refuses to cancel less than 2 hours before the slot (change_deadline)", async () => {
    const idNumber = buildIdNumber();
    const res = await book(slotAt("2025-03-03", "10:00"), { idNumber });
    expect(res.statusCode).toBe(201);
    clock.set("2025-03-03T08:01:00+08:00");
    const cancel = await h.built.app.inject({
      method: "POST",
      url: `/api/public/bookings/${res.json().code}/cancel`,
      payload: { verify: idNumber },
    });
    clock.set("2025-03-03T08:30:00+08:00");
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().error.details.code).toBe("change_deadline");
  });

  it("reschedules to another slot of the same hall and moves the booked counts", async () => {
    const idNumber = buildIdNumber();
    const from = slotAt("2025-03-07", "09:00");
    const to = slotAt("2025-03-07", "15:00");
    const res = await book(from, { idNumber });
    const moved = await h.built.app.inject({
      method: "POST",
      url: `/api/public/bookings/${res.json().code}/reschedule`,
      payload: { verify: idNumber, slotId: to.id },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().startsAt).toBe(to.startsAt.toISOString());
    const counts = await queryRows<{ id: string; booked: number }>(
      h.database.db,
      sql`select id, booked from appointment_slots where id in (${from.id}, ${to.id})`,
    );
    expect(counts.find((c) => c.id === from.id)?.booked).toBe(0);
    expect(counts.find((c) => c.id === to.id)?.booked).toBe(1);
  });

  it("blocks booking for 30 days after 3 no-shows within 90 days (blocked_no_show)", async () => {
    const idNumber = buildIdNumber();
    const past = slotAt("2025-03-04", "11:00");
    // Three past bookings never checked in: the booking service marks them as no-shows first.
    for (const daysAgo of [40, 20, 5]) {
      const startsAt = new Date(clock.now().getTime() - daysAgo * 86_400_000);
      await h.database.db.insert(bookings).values({
        id: randomUUID(),
        tenantId: h.tenant.id,
        hallId: hall.id,
        scopePath: h.tenant.units.a1.path,
        groupId: past.groupId,
        slotId: past.id,
        day: startsAt.toISOString().slice(0, 10),
        startsAt,
        endsAt: new Date(startsAt.getTime() + 1800_000),
        code: randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase(),
        itemCode: "I-A1",
        itemName: "居民身份证换领",
        personName: "李四",
        idNumber,
        phone: "13800138000",
        status: "booked",
        createdAt: startsAt,
      });
    }
    const res = await book(slotAt("2025-03-04", "10:00"), { idNumber });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.code).toBe("blocked_no_show");
    expect(res.json().error.message).toContain("爽约");
    const statuses = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from bookings where id_number = ${idNumber} and status = 'no_show'`,
    );
    expect(statuses[0]?.n).toBe(3);
  });

  it("refuses an item the group does not offer for booking", async () => {
    const res = await book(slotAt("2025-03-04", "10:30"), { itemCode: "I-A2" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].code).toBe("item_not_bookable");
  });
});

describe("hall opening hours", () => {
  it("a hall's own sessions shape the days generated after the change", async () => {
    const admin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["admin"]);
    const set = await h.built.app.inject({
      method: "PUT",
      url: `/api/halls/${hall.id}/hours`,
      headers: authHeaders(admin),
      payload: { sessions: [{ start: "09:00", end: "11:00" }] },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().sessions).toEqual([{ start: "09:00", end: "11:00" }]);
    const gen = await h.built.app.inject({
      method: "POST",
      url: `/api/halls/${hall.id}/slots/generate`,
      headers: authHeaders(admin),
      payload: { workdays: 10 },
    });
    expect(gen.json().days).toContain("2025-03-17");
    const day = await findSlots(h.database.db, hall.id, {
      groupId: hall.groups[0]?.id,
      fromDay: "2025-03-17",
      toDay: "2025-03-17",
    });
    expect(day.map((s) => s.startsAt.toISOString())).toEqual([
      "2025-03-17T01:00:00.000Z",
      "2025-03-17T01:30:00.000Z",
      "2025-03-17T02:00:00.000Z",
      "2025-03-17T02:30:00.000Z",
    ]);
    // Days generated before keep their slots (some may be booked already).
    const before = await findSlots(h.database.db, hall.id, {
      groupId: hall.groups[0]?.id,
      fromDay: "2025-03-04",
      toDay: "2025-03-04",
    });
    expect(before).toHaveLength(14);
  });
});

describe("no overbooking under concurrency", () => {
  it("200 concurrent requests for one slot of capacity 10 give exactly 10 bookings", async () => {
    const slot = slotAt("2025-03-06", "10:00");
    const results = await Promise.all(Array.from({ length: 200 }, () => book(slot)));
    const ok = results.filter((r) => r.statusCode === 201);
    const full = results.filter((r) => r.statusCode === 409);
    expect(ok).toHaveLength(10);
    expect(full).toHaveLength(190);
    for (const r of full) {
      expect(r.json().error.details.code).toBe("slot_full");
      expect(r.json().error.message).toBe("该时段已约满，请选择其他时段");
    }
    const [row] = await queryRows<{ booked: number; n: number }>(
      h.database.db,
      sql`select s.booked, (select count(*)::int from bookings b where b.slot_id = s.id) as n
          from appointment_slots s where s.id = ${slot.id}`,
    );
    expect(row).toEqual({ booked: 10, n: 10 });
  });

  it("one person's concurrent requests for the same day and hall give one booking", async () => {
    const idNumber = buildIdNumber();
    const day = slots.filter((s) => s.day === "2025-03-07" && s.booked === 0).slice(0, 12);
    const results = await Promise.all(day.map((s) => book(s, { idNumber })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 201)) {
      expect(r.json().error.details.code).toBe("person_day_limit");
    }
    const [row] = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from bookings where id_number = ${idNumber}`,
    );
    expect(row?.n).toBe(1);
  });
});
