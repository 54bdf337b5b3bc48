import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openOwnTestDatabase, openTestDatabase } from "../../../test/test-db.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { checkReportText } from "../report-check/report-check.service.ts";
import { renderText } from "../reports/render-text.ts";
import { buildReportFor } from "../reports/reports.service.ts";
import { findTenantByCode } from "../tenants/tenants.repo.ts";
import { loadDemo } from "./demo.service.ts";
import { hallInvariantViolations } from "./hall-invariants.ts";

/** The published 2022 figures (issue 7's table) the demo year must reproduce by computation. */
const EXPECTED: Record<string, number> = {
  "hotline.tickets": 187454,
  "hotline.yoyGrowth": 0.8595,
  "hotline.onTimeRate": 0.9863,
  "hotline.praises": 89,
  "campaign.rectification.tickets": 846,
  "campaign.rectification.closed": 846,
  "campaign.rectification.onTimeRate": 1,
  "campaign.rectification.satisfactionRate": 0.9318,
  "gridEvents.aiReported": 22009,
  "deputies.items": 913,
  "deputies.closedRate": 0.98,
  "deputies.satisfactionRate": 0.99,
  "budget.revenueWan": 9167.05,
  "budget.basicExpenditureWan": 1889.03,
  "budget.projects": 25,
  "budget.projectExecutionRate": 1,
  "catalog.onApplicationItems": 2166,
  "catalog.materialsReducedItems": 1233,
  "catalog.materialsReducedRate": 0.5693,
  "catalog.materials": 11599,
  "catalog.exemptMaterials": 3549,
  "catalog.exemptRate": 0.306,
  "catalog.bundles": 94,
  "catalog.deferrableItems": 240,
  "catalog.deferrableDepartments": 20,
  "catalog.crossRegionEntries": 2266,
  "catalog.policyBenefitItems": 38,
  "catalog.policyBenefitCases": 110,
  "appointments.bookableItems.town": 873,
  "appointments.bookableItems.village": 585,
  "badRatings.tickets": 131,
  "badRatings.onTimeRectificationRate": 1,
  "hall.visitors": 566800,
  "hall.serviceCases": 767227,
};

let database: Database;
let drop: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ database, drop } = await openOwnTestDatabase());
  await loadDemo(database.db, systemClock, "440114", () => {});
}, 300_000);
afterAll(() => drop());

describe("the Huadu 2022 demo year", () => {
  it("reproduces the published figures by computation", async () => {
    const tenant = await findTenantByCode(database.db, "440114");
    const report = await buildReportFor(database.db, systemClock, tenant?.id ?? "", 2022);
    const got = Object.fromEntries(Object.keys(EXPECTED).map((k) => [k, report.figures[k]?.value]));
    expect(got).toEqual(EXPECTED);
    expect(report.figures["budget.projectBudgetWan"]?.value).toBe(7298.04);
    // Every paragraph of the template found its figures.
    expect(report.warnings).toEqual([]);
    // The report built from the year contradicts itself nowhere.
    expect(checkReportText(renderText(report))).toEqual([]);
  });

  it("keeps the work-order invariants: status and counters equal the events", async () => {
    const [bad] = await queryRows<{ status: number; count: number; order: number }>(
      database.db,
      sql`select
        count(*) filter (where w.status <> e.last_status)::int as status,
        count(*) filter (where w.event_count <> e.n)::int as count,
        count(*) filter (where not e.ordered)::int as "order"
      from work_orders w
      join (select work_order_id, count(*) as n,
              (array_agg(to_status order by seq desc))[1] as last_status,
              bool_and(at_ok) as ordered
            from (select work_order_id, seq, to_status,
                    at >= coalesce(lag(at) over (partition by work_order_id order by seq), at) as at_ok
                  from work_order_events) x
            group by work_order_id) e on e.work_order_id = w.id`,
    );
    expect(bad).toEqual({ status: 0, count: 0, order: 0 });
  });

  it("keeps the hall's invariants: cases of finished visits within hall hours, bookings in their slots, ratings", async () => {
    const broken = await hallInvariantViolations(database.db);
    expect(Object.keys(broken).length).toBeGreaterThanOrEqual(11);
    expect(Object.entries(broken).filter(([, n]) => n !== 0)).toEqual([]);
    const [shape] = await queryRows<{ multi: number; booked: number; staff: number; rated: number; bad: number }>(
      database.db,
      sql`select
        (select count(*)::int from (select ticket_id from service_cases group by 1 having count(*) > 1) m) as multi,
        (select count(*)::int from queue_tickets where booking_id is not null) as booked,
        (select count(distinct staff_user_id)::int from service_cases) as staff,
        (select count(*)::int from ratings where subject_kind = 'service_case') as rated,
        (select count(*)::int from ratings where subject_kind = 'service_case' and level <= 2) as bad`,
    );
    // Several items per visit for some, a share by booking, one staff member per window, ratings.
    expect(shape?.multi).toBeGreaterThan(100_000);
    expect(shape?.booked).toBeGreaterThan(50_000);
    expect(shape?.staff).toBe(86);
    expect(shape?.rated).toBeGreaterThan(100_000);
    expect(shape?.bad).toBe(131);
  });

  it("leaves every index of the migrations in place after building the deferred ones", async () => {
    const tables = [
      "work_orders",
      "work_order_events",
      "work_order_contacts",
      "queue_tickets",
      "service_cases",
      "bookings",
      "ratings",
      "appointment_slots",
    ];
    const defs = async (db: Database["db"]) =>
      (
        await queryRows<{ def: string }>(
          db,
          sql`select indexdef as def from pg_indexes where schemaname = current_schema()
              and tablename in (${sql.join(
                tables.map((t) => sql`${t}`),
                sql`, `,
              )}) order by indexname`,
        )
      ).map((r) => r.def);
    const reference = await openTestDatabase();
    try {
      const expected = await defs(reference.db);
      expect(expected.length).toBeGreaterThan(20);
      expect(await defs(database.db)).toEqual(expected);
    } finally {
      await reference.close();
    }
    const [left] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from deferred_indexes`);
    expect(left?.n).toBe(0);
  });
});
