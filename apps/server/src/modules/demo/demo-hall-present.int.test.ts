import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openOwnTestDatabase } from "../../../test/test-db.ts";
import { fixedClock, systemClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { findTenantByCode } from "../tenants/tenants.repo.ts";
import { DEMO_SEED, loadDemoBase } from "./demo.service.ts";
import { hallYear } from "./demo-hall.ts";
import { loadDemoHallPresent } from "./demo-hall-present.ts";
import { hallInvariantViolations } from "./hall-invariants.ts";

let database: Database;
let drop: () => Promise<void> = async () => {};
let tenantId = "";
let layout: Awaited<ReturnType<typeof hallYear>>["layout"];

/** The centre's base (halls, catalog) without the 2022 year: the present needs only the halls. */
beforeAll(async () => {
  ({ database, drop } = await openOwnTestDatabase());
  await loadDemoBase(database.db, systemClock, "440114", () => {});
  tenantId = (await findTenantByCode(database.db, "440114"))?.id ?? "";
  ({ layout } = await hallYear(database.db, tenantId, DEMO_SEED));
}, 120_000);
afterAll(() => drop());

describe("the demo's present at the district centre", () => {
  it("queues today's visitors up to now when the hall is open: most served, one at most at each window, some waiting", async () => {
    const now = "2026-12-07T10:30:00+08:00"; // a Monday morning
    const got = await loadDemoHallPresent(database.db, fixedClock(now), tenantId, DEMO_SEED, layout);
    expect(got.visitors).toBeGreaterThan(300);
    expect(got.visitors).toBeLessThan(900);
    const [q] = await queryRows<{
      done: number;
      waiting: number;
      active: number;
      windows: number;
      late: number;
      cases: number;
      numbered: number;
    }>(
      database.db,
      sql`select count(*) filter (where status = 'done')::int as done,
            count(*) filter (where status = 'waiting')::int as waiting,
            count(*) filter (where status in ('called', 'serving'))::int as active,
            count(distinct window_id) filter (where status in ('called', 'serving'))::int as windows,
            count(*) filter (where checked_in_at > ${now}::timestamptz or finished_at > ${now}::timestamptz)::int as late,
            (select count(*)::int from service_cases where hall_id = ${layout.hall.id}) as cases,
            (select count(*)::int from service_cases where hall_id = ${layout.hall.id} and case_no like 'BJ2026-%') as numbered
          from queue_tickets where hall_id = ${layout.hall.id} and day = '2026-12-07'`,
    );
    expect(q?.done).toBeGreaterThan(got.visitors / 2);
    expect(q?.waiting).toBe(got.waiting);
    expect(q?.waiting).toBeGreaterThan(0);
    expect(q?.active).toBeGreaterThan(10);
    expect(q?.windows).toBe(q?.active);
    expect(q?.late).toBe(0);
    expect(q?.cases).toBeGreaterThanOrEqual(q?.done ?? 0);
    expect(q?.numbered).toBe(q?.cases);
    // Bookings on every working day of this week and the next, within their slots.
    const days = await queryRows<{ day: string; n: number }>(
      database.db,
      sql`select day::text as day, count(*)::int as n from bookings where hall_id = ${layout.hall.id}
          and status = 'booked' group by 1 order by 1`,
    );
    expect(days.map((d) => d.day)).toEqual([
      "2026-12-07",
      "2026-12-08",
      "2026-12-09",
      "2026-12-10",
      "2026-12-11",
      "2026-12-14",
      "2026-12-15",
      "2026-12-16",
      "2026-12-17",
      "2026-12-18",
    ]);
    expect(days.every((d) => d.n > 20)).toBe(true);
    // Further ahead, fewer booked.
    expect(days[1]?.n ?? 0).toBeGreaterThan(days.at(-1)?.n ?? 0);
    const [limits] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from booking_person_days p where p.active <> (select count(*) from bookings b
          where b.hall_id = p.hall_id and b.day = p.day and b.id_number = p.id_number and b.status in ('booked', 'checked_in'))`,
    );
    expect(limits?.n).toBe(0);
    expect(Object.entries(await hallInvariantViolations(database.db)).filter(([, n]) => n !== 0)).toEqual([]);
  });

  it("queues no one while the hall is closed, and still books the days ahead", async () => {
    const got = await loadDemoHallPresent(
      database.db,
      fixedClock("2026-12-09T19:30:00+08:00"),
      tenantId,
      DEMO_SEED,
      layout,
    );
    expect(got.visitors).toBe(0);
    const [today] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from queue_tickets where day = '2026-12-09'`,
    );
    expect(today?.n).toBe(0);
    expect(Object.entries(await hallInvariantViolations(database.db)).filter(([, n]) => n !== 0)).toEqual([]);
  });
});
