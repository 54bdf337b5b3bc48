import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openTestDatabase } from "../../../test/test-db.ts";
import { systemClock } from "../../platform/clock.ts";
import { type Database, openPostgres } from "../../platform/db/client.ts";
import { migrateDatabase } from "../../platform/db/migrate.ts";
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
let dropDatabase: (() => Promise<void>) | undefined;

/** A database of its own: PGlite from the template, or a new database on the PostgreSQL server. */
async function freshDatabase(): Promise<Database> {
  const shared = await openTestDatabase();
  if (shared.driver !== "postgres") {
    return shared;
  }
  const name = `zw_demo_${randomBytes(4).toString("hex")}`;
  await shared.db.execute(sql.raw(`create database ${name}`));
  const current = (await queryRows<{ u: string }>(shared.db, sql`select current_database() as u`))[0]?.u ?? "";
  const own = await openPostgres(withDatabaseName(current, name), 4);
  dropDatabase = async () => {
    await own.close();
    await shared.db.execute(sql.raw(`drop database if exists ${name}`));
    await shared.close();
  };
  await migrateDatabase(own);
  return own;
}

function withDatabaseName(currentDb: string, name: string): string {
  const base = inject("databaseUrl") ?? "";
  return base.replace(new RegExp(`/${currentDb}(\\?|$)`), `/${name}$1`);
}

beforeAll(async () => {
  database = await freshDatabase();
  await loadDemo(database.db, systemClock, "440114", () => {});
}, 300_000);
afterAll(async () => {
  if (dropDatabase) {
    await dropDatabase();
  } else {
    await database.close();
  }
});

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
});
