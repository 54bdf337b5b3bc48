import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openOwnTestDatabase, openTestDatabase } from "../../../test/test-db.ts";
import { fixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { buildBriefingFor, renderBriefingDocx } from "../dashboard/briefing.service.ts";
import { buildReportFor } from "../reports/reports.service.ts";
import { findTenantByCode } from "../tenants/tenants.repo.ts";
import { runEscalation } from "../work-orders/escalation.job.ts";
import { loadDemo } from "./demo.service.ts";
import { ROUTES, routeUnits } from "./demo-routing.ts";
import { CAMPAIGN_SUBJECTS } from "./demo-texts.ts";
import { expectReportCoversSeed, expectReportWhole } from "./demo-year-report.ts";
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

/** The day the demo is loaded (a Monday): the demo's present is generated relative to it. */
const clock = fixedClock("2026-12-07T10:30:00+08:00");
let database: Database;
let drop: () => Promise<void> = async () => {};

beforeAll(async () => {
  ({ database, drop } = await openOwnTestDatabase());
  await loadDemo(database.db, clock, "440114", () => {});
}, 900_000);
afterAll(() => drop());

describe("the Huadu 2022 demo year", () => {
  it("reproduces the published figures by computation", async () => {
    const tenant = await findTenantByCode(database.db, "440114");
    const report = await buildReportFor(database.db, clock, tenant?.id ?? "", 2022);
    const got = Object.fromEntries(Object.keys(EXPECTED).map((k) => [k, report.figures[k]?.value]));
    expect(got).toEqual(EXPECTED);
    expect(report.figures["budget.projectBudgetWan"]?.value).toBe(7298.04);
    // The 决算 figures as the seed states them, not sums of the records.
    expect(report.figures["budget.expenditureWan"]?.value).toBe(9167.05);
    expect(report.figures["budget.projectExpenditureWan"]?.value).toBe(7278.02);
    expect(report.figures["budget.projectListExecutedWan"]?.value).toBe(7298.04);
    await expectReportWhole(database.db, report);
  });

  it("carries at least 90 % of the seed's figures, its 决算 totals, the gap warned in 存在问题, and a sign-off", async () => {
    const tenant = await findTenantByCode(database.db, "440114");
    expectReportCoversSeed(await buildReportFor(database.db, clock, tenant?.id ?? "", 2022));
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
        (select count(distinct staff_user_id)::int from service_cases where hall_level = 'district') as staff,
        (select count(*)::int from ratings where subject_kind = 'service_case') as rated,
        (select count(*)::int from ratings where subject_kind = 'service_case' and level <= 2) as bad`,
    );
    // Several items per visit for some, a share by booking, one staff member per window, ratings.
    expect(shape?.multi).toBeGreaterThan(100_000);
    expect(shape?.booked).toBeGreaterThan(50_000);
    expect(shape?.staff).toBe(86);
    expect(shape?.rated).toBeGreaterThan(100_000);
    expect(shape?.bad).toBe(131);
    // The town and street halls are open too, at a town's scale, with no bad rating of their own.
    const towns = await queryRows<{ name: string; visitors: number; cases: number; rated: number; bad: number }>(
      database.db,
      sql`select h.name,
            (select count(*)::int from queue_tickets t where t.hall_id = h.id and t.day < '2023-01-01') as visitors,
            (select count(*)::int from service_cases c where c.hall_id = h.id and c.finished_at < '2023-01-01') as cases,
            (select count(*)::int from ratings r where r.scope_path = h.scope_path) as rated,
            (select count(*)::int from ratings r where r.scope_path = h.scope_path and r.level <= 2) as bad
          from halls h where h.level = 'town' order by 2 desc`,
    );
    expect(towns).toHaveLength(10);
    expect(towns[0]?.name).toBe("新华街道政务服务中心");
    expect(towns.every((t) => t.visitors > 300 && t.visitors < 20_000 && t.cases > t.visitors / 2 && t.rated > 0)).toBe(
      true,
    );
    expect(towns.reduce((a, t) => a + t.bad, 0)).toBe(0);
    // Today's queue at the centre (the clock is a Monday at 10:30) and the bookings ahead.
    const [today] = await queryRows<{ waiting: number; done: number; booked: number }>(
      database.db,
      sql`select count(*) filter (where status = 'waiting')::int as waiting, count(*) filter (where status = 'done')::int as done,
            (select count(*)::int from bookings where status = 'booked' and day > '2026-12-07') as booked
          from queue_tickets where day = '2026-12-07'`,
    );
    expect(today?.waiting).toBeGreaterThan(0);
    expect(today?.done).toBeGreaterThan(100);
    expect(today?.booked).toBeGreaterThan(500);
  });

  it("says nothing of generating the year on a later start that finds it loaded", async () => {
    const said: string[] = [];
    await loadDemo(database.db, clock, "440114", (m) => said.push(m));
    expect(said.filter((m) => m.includes("生成 2021–2022"))).toEqual([]);
    expect(said.filter((m) => m.includes("已全部加载"))).toEqual([]);
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

  it("dispatches each kind of problem to the units responsible for it (routing table; town by address)", async () => {
    const units = await queryRows<{ id: string; path: string; name: string }>(
      database.db,
      sql`select id, path, name from org_units where kind = 'department'`,
    );
    const rows = await queryRows<{ title: string; unit_id: string; town_id: string | null; n: number }>(
      database.db,
      sql`select title, unit_id, town_id, count(*)::int as n from work_orders
          where received_at < '2023-01-01' and unit_id is not null group by 1, 2, 3`,
    );
    const share: Record<string, number> = {};
    for (const [title, route] of Object.entries(ROUTES)) {
      const named = new Set(routeUnits(title, units).map((u) => u.id));
      expect(named.size, title).toBe(route.departments.length);
      const mine = rows.filter((r) => r.title === title);
      const total = mine.reduce((a, r) => a + r.n, 0);
      const routed = mine
        .filter((r) => named.has(r.unit_id) || (route.town && r.unit_id === r.town_id))
        .reduce((a, r) => a + r.n, 0);
      share[title] = total === 0 ? 1 : routed / total;
    }
    expect(Object.entries(share).filter(([, x]) => x < 0.9)).toEqual([]);
    const [absurd] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from work_orders w join org_units u on u.id = w.unit_id
          where (w.title like '%充电桩%' and u.name like '%人力资源%')
             or (w.title like '%井盖%' and u.name like '%农业农村%')
             or (w.title like '%乱停乱放%' and u.name like '%税务%')
             or (w.title like '%拖欠工资%' and u.name like '%林业%')`,
    );
    expect(absurd?.n).toBe(0);
    // A small share was first sent elsewhere and returned, as in real dispatch.
    const [returned] = await queryRows<{ share: number }>(
      database.db,
      sql`select avg((return_count > 0)::int)::float8 as share from work_orders where kind = 'hotline' and received_at < '2023-01-01'`,
    );
    expect(returned?.share).toBeGreaterThan(0.005);
    expect(returned?.share).toBeLessThan(0.08);
  });

  it("varies by unit like real figures: late acceptance, returns, redos, satisfaction apart from resolution", async () => {
    const rows = await queryRows<{
      unit: string;
      accept_rate: number;
      sat_rate: number;
      res_rate: number;
      close_rate: number;
      redo: number;
      returns: number;
    }>(
      database.db,
      sql`select unit_id as unit,
            avg((accepted_at <= accept_due_at)::int)::float8 as accept_rate,
            avg((satisfaction >= 3)::int) filter (where satisfaction is not null)::float8 as sat_rate,
            avg(resolved::int) filter (where resolved is not null)::float8 as res_rate,
            avg((closed_at <= close_due_at)::int)::float8 as close_rate,
            count(*) filter (where redo_count > 0)::int as redo,
            count(*) filter (where return_count > 0)::int as returns
          from work_orders where kind = 'hotline' and received_at >= '2022-01-01' and received_at < '2023-01-01'
          group by unit_id having count(*) > 500`,
    );
    expect(rows.length).toBeGreaterThan(15);
    const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
    expect(spread(rows.map((r) => r.accept_rate))).toBeGreaterThan(0.05);
    expect(spread(rows.map((r) => r.sat_rate))).toBeGreaterThan(0.03);
    expect(spread(rows.map((r) => r.close_rate))).toBeGreaterThan(0.01);
    // A few units below a 95 % on-time acceptance target.
    expect(rows.filter((r) => r.accept_rate < 0.95).length).toBeGreaterThan(0);
    expect(rows.filter((r) => Math.abs(r.sat_rate - r.res_rate) > 0.001).length).toBe(rows.length);
    expect(rows.reduce((a, r) => a + r.redo, 0)).toBeGreaterThan(0);
    expect(rows.reduce((a, r) => a + r.returns, 0)).toBeGreaterThan(0);
    // The redone tickets' history shows the redo round.
    const [redo] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from work_order_events where action = 'redo'`,
    );
    expect(redo?.n).toBeGreaterThan(0);
  });

  it("leaves no 2021–2022 ticket overdue and generates today's work relative to the clock", async () => {
    const tenant = await findTenantByCode(database.db, "440114");
    const now = clock.now().toISOString();
    const [old] = await queryRows<{ open: number; overdue: number }>(
      database.db,
      sql`select count(*) filter (where status not in ('closed', 'archived', 'merged'))::int as open,
            count(*) filter (where status not in ('closed', 'archived', 'merged') and close_due_at < ${now}::timestamptz)::int as overdue
          from work_orders where received_at < '2023-01-01'`,
    );
    // The deputies' 18 long-term items still open at the report are on an extension due after today.
    expect(old).toEqual({ open: 18, overdue: 0 });
    const present = await queryRows<{ status: string; n: number; oldest: string; due_soon: number }>(
      database.db,
      sql`select status, count(*)::int as n, min(received_at)::text as oldest,
            count(*) filter (where close_due_at between ${now}::timestamptz - interval '3 days' and ${now}::timestamptz + interval '30 days')::int as due_soon
          from work_orders where received_at >= '2023-01-01' group by status`,
    );
    const open = present.filter((r) => r.status !== "closed");
    const openCount = open.reduce((a, r) => a + r.n, 0);
    expect(openCount).toBeGreaterThanOrEqual(24);
    expect(openCount).toBeLessThanOrEqual(60);
    expect(open.length).toBeGreaterThanOrEqual(6);
    expect(open.reduce((a, r) => a + r.due_soon, 0)).toBe(openCount);
    for (const r of present) {
      expect(Date.parse(r.oldest)).toBeGreaterThan(Date.parse(now) - 30 * 86_400_000);
      expect(Date.parse(r.oldest)).toBeLessThan(Date.parse(now));
    }
    // The first escalation run raises a couple of reminders at most, never a 通报.
    const run = await runEscalation(database.db, clock, tenant?.id);
    expect(run.raised).toBeLessThanOrEqual(6);
    const [notified] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from work_orders where supervision_level >= 3`,
    );
    expect(notified?.n).toBe(0);
  });

  it("numbers every case once: the centre's 2022 in finishing order from BJ2022-0000001, the towns' after it", async () => {
    const [n] = await queryRows<{
      unnumbered: number;
      centre: number;
      first: number;
      last: number;
      distinct: number;
      disordered: number;
      townsFirst: number;
      counter: number;
      highest: number;
    }>(
      database.db,
      sql`with centre as (
            select substr(case_no, 8)::int as no, finished_at from service_cases
            where hall_level = 'district' and case_no like 'BJ2022-%')
          select
            (select count(*)::int from service_cases where case_no is null) as unnumbered,
            (select count(*)::int from centre) as centre,
            (select min(no) from centre) as first, (select max(no) from centre) as last,
            (select count(distinct no)::int from centre) as distinct,
            (select count(*)::int from (select finished_at, lag(finished_at) over (order by no) as before from centre) o
              where o.before > o.finished_at) as disordered,
            (select min(substr(case_no, 8)::int) from service_cases where hall_level = 'town' and case_no like 'BJ2022-%')
              as "townsFirst",
            (select last_value::int from number_counters where kind = 'service_case' and year = 2022) as counter,
            (select max(substr(case_no, 8)::int) from service_cases where case_no like 'BJ2022-%') as highest`,
    );
    expect(n?.unnumbered).toBe(0);
    expect(n?.centre).toBe(767_227);
    expect([n?.first, n?.last, n?.distinct]).toEqual([1, 767_227, 767_227]);
    expect(n?.disordered).toBe(0);
    expect(n?.townsFirst).toBe(767_228);
    expect(n?.counter).toBe(n?.highest);
  });

  it("gives the 涉整改 campaign its own subjects, which no ticket outside it has", async () => {
    const titles = Object.values(CAMPAIGN_SUBJECTS).flatMap((list) => list.map(([title]) => title));
    const list = sql.join(
      titles.map((t) => sql`${t}`),
      sql`, `,
    );
    const [n] = await queryRows<{ inside: number; own: number; outside: number; distinct: number }>(
      database.db,
      sql`select
            count(*) filter (where 'rectification' = any(campaign_tags))::int as inside,
            count(*) filter (where 'rectification' = any(campaign_tags) and title in (${list}))::int as own,
            count(*) filter (where not 'rectification' = any(campaign_tags) and title in (${list}))::int as outside,
            count(distinct title) filter (where 'rectification' = any(campaign_tags))::int as distinct
          from work_orders`,
    );
    expect(n?.inside).toBe(846);
    expect(n?.own).toBe(846);
    expect(n?.outside).toBe(0);
    expect(n?.distinct).toBe(titles.length);
  });

  it("briefs the week the 涉整改 campaign starts with its topics rising, every number from the tickets", async () => {
    const tenant = await findTenantByCode(database.db, "440114");
    const started = performance.now();
    const built = await buildBriefingFor(database.db, clock, tenant?.id ?? "", {
      from: "2022-03-14",
      to: "2022-03-20",
    });
    const docx = await renderBriefingDocx(built);
    const seconds = (performance.now() - started) / 1000;
    const b = built.briefing;
    const [week] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from work_orders where tenant_id = ${tenant?.id ?? ""}
          and received_at >= '2022-03-14T00:00:00+08:00' and received_at < '2022-03-21T00:00:00+08:00'`,
    );
    expect(b.figures.tickets?.value).toBe(week?.n);
    const campaignTerms = new Set(Object.values(CAMPAIGN_SUBJECTS).flatMap((list) => list.flatMap(([, , k]) => k)));
    const rising = (b.tables.rising?.rows ?? []).filter((r) => r[0] === "主题词").map((r) => String(r[1]));
    const ours = rising.filter((t) => campaignTerms.has(t));
    // The campaign's own subjects rise against their eight quiet weeks before 15 March.
    expect(ours, `rising: ${rising.join("、")}`).toEqual(expect.arrayContaining(["整改"]));
    expect(ours.length, `rising: ${rising.join("、")}`).toBeGreaterThanOrEqual(3);
    expect(b.sections.find((s) => s.heading.endsWith("上升话题"))?.paragraphs.join("")).toContain("整改");
    // No full number or caller name anywhere.
    const text = JSON.stringify(b);
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    const names = await queryRows<{ name: string }>(
      database.db,
      sql`select distinct caller_name as name from work_orders where tenant_id = ${tenant?.id ?? ""}
          and caller_name is not null and received_at >= '2022-03-14T00:00:00+08:00'
          and received_at < '2022-03-21T00:00:00+08:00' limit 200`,
    );
    expect(names.filter((n) => n.name.length >= 2 && text.includes(n.name))).toEqual([]);
    expect(docx.subarray(0, 2).toString("latin1")).toBe("PK");
    process.stdout.write(`weekly briefing on the demo year: ${seconds.toFixed(1)} s; rising: ${rising.join("、")}\n`);
  });
});
