import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { HallMetricsSchema } from "../../../../../packages/contracts/src/appointments.ts";
import { HallWaitsSchema } from "../../../../../packages/contracts/src/hall-waits.ts";
import { buildHall, movableClock, type TestHall } from "../../../test/factories/hall.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { rebuildCaseCells } from "./case-cells.repo.ts";

/**
 * 大厅统计 reads cases from `hall_case_cells` (migration 0022), kept by triggers on service_cases.
 * Whatever writes the cases — bulk inserts, a clean-up that skips key triggers, an update that
 * moves a case — the figures must equal the same aggregates computed from service_cases itself.
 */
const clock = movableClock("2025-03-03T08:30:00+08:00");
const h = setUpHarness({ clock });
let hall: TestHall;
let viewer: TestUser;

const STAFF = ["王窗口", "李窗口", "张窗口"];
const ITEMS = ["I-A1", "I-A2"];

beforeAll(async () => {
  hall = await buildHall(h.database.db, h.tenant.id, h.tenant.units.a1.id, clock);
  viewer = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a1.id, ["supervisor"]);
});

/** `n` cases on 3–5 March 2025 with varied windows, clerks, items and times, in one statement. */
async function insertCases(n: number, seed: number, db: Db = h.database.db): Promise<void> {
  const group = hall.groups[0];
  if (!group) {
    throw new Error("no group");
  }
  const rows = Array.from({ length: n }, (_, i) => {
    const k = seed * 1000 + i;
    const day = 3 + (k % 3);
    const windowIndex = k % 2;
    const finished = new Date(`2025-03-0${day}T09:00:00+08:00`).getTime() + (k % 480) * 60_000;
    const wait = (k * 7919) % 3600;
    const service = 60 + ((k * 104_729) % 1800);
    return sql`(${randomUUID()}, ${h.tenant.id}, ${hall.id}, ${h.tenant.units.a1.path}, 'district', ${group.id},
      ${group.windows[windowIndex]}, ${`${windowIndex + 1}号窗口`}, ${randomUUID()}, ${ITEMS[k % 2]}, '测试事项',
      ${STAFF[k % 3]}, 'completed', ${new Date(finished - (wait + service) * 1000).toISOString()},
      ${new Date(finished - service * 1000 - 30_000).toISOString()}, ${new Date(finished - service * 1000).toISOString()},
      ${new Date(finished).toISOString()}, ${wait}, ${service})`;
  });
  await db.execute(sql`insert into service_cases (id, tenant_id, hall_id, scope_path, hall_level, group_id,
    window_id, window_name, ticket_id, item_code, item_name, staff_name, result, checked_in_at, called_at, started_at,
    finished_at, wait_seconds, service_seconds) values ${sql.join(rows, sql`, `)}`);
}

const KEYS = {
  none: sql`null::text`,
  window: sql`window_name`,
  staff: sql`staff_name`,
  item: sql`item_code`,
  day: sql`to_char((finished_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD')`,
} as const;
type Grouping = keyof typeof KEYS;

/** The figures as the base table gives them: what the cells must reproduce exactly. */
async function fromBase(groupBy: Grouping, from: string, to: string) {
  const rows = await queryRows<Record<string, unknown>>(
    h.database.db,
    sql`select ${KEYS[groupBy]} as k, count(*)::int as n, avg(wait_seconds)::float8 as aw,
          percentile_cont(0.9) within group (order by wait_seconds) as pw,
          avg(service_seconds)::float8 as asv, percentile_cont(0.9) within group (order by service_seconds) as ps
        from service_cases where hall_id = ${hall.id}
          and (finished_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date
        group by 1 order by 1`,
  );
  return rows.map((r) => ({
    key: r.k === null ? null : String(r.k),
    cases: Number(r.n),
    avgWait: Number(r.aw),
    p90Wait: Number(r.pw),
    avgService: Number(r.asv),
    p90Service: Number(r.ps),
  }));
}

async function fromMetrics(groupBy: Grouping, from: string, to: string) {
  const res = await h.built.app.inject({
    url: `/api/appointments/metrics?hallId=${hall.id}&from=${from}&to=${to}&groupBy=${groupBy}`,
    headers: authHeaders(viewer),
  });
  expect(res.statusCode, res.body).toBe(200);
  const m = HallMetricsSchema.parse(res.json());
  const rows = groupBy === "none" ? (m.total.cases > 0 ? [m.total] : []) : m.groups.filter((g) => g.cases > 0);
  return rows
    .map((r) => ({
      key: groupBy === "none" ? null : r.key,
      cases: r.cases,
      avgWait: Number(r.avgWaitSeconds),
      p90Wait: Number(r.p90WaitSeconds),
      avgService: Number(r.avgServiceSeconds),
      p90Service: Number(r.p90ServiceSeconds),
    }))
    .sort((a, b) => String(a.key).localeCompare(String(b.key)));
}

/** 大厅统计's waits by check-in hour (the cells' hours, migration 0023) against the base table's. */
async function expectHoursAsBase(from: string, to: string): Promise<void> {
  const base = await queryRows<{ k: number; n: number; aw: number; pw: number }>(
    h.database.db,
    sql`select extract(hour from checked_in_at at time zone 'Asia/Shanghai')::int as k, count(*)::int as n,
          avg(wait_seconds)::float8 as aw, percentile_cont(0.9) within group (order by wait_seconds) as pw
        from service_cases where hall_id = ${hall.id}
          and (finished_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date
        group by 1 order by 1`,
  );
  const res = await h.built.app.inject({
    url: `/api/appointments/metrics/waits?hallId=${hall.id}&from=${from}&to=${to}`,
    headers: authHeaders(viewer),
  });
  expect(res.statusCode, res.body).toBe(200);
  const got = HallWaitsSchema.parse(res.json()).byHour;
  expect(got.map((r) => [r.hour, r.cases])).toEqual(base.map((b) => [Number(b.k), Number(b.n)]));
  got.forEach((r, i) => {
    expect(r.avgWaitSeconds, `hour ${r.hour}`).toBeCloseTo(Number(base[i]?.aw), 6);
    expect(r.p90WaitSeconds, `hour ${r.hour}`).toBeCloseTo(Number(base[i]?.pw), 6);
  });
}

async function expectSameAsBase(): Promise<void> {
  for (const [from, to] of [
    ["2025-03-01", "2025-03-31"],
    ["2025-03-04", "2025-03-04"],
  ] as const) {
    await expectHoursAsBase(from, to);
    for (const g of Object.keys(KEYS) as Grouping[]) {
      const base = await fromBase(g, from, to);
      const got = await fromMetrics(g, from, to);
      expect(
        got.map((r) => r.key),
        `${g} ${from}`,
      ).toEqual(base.map((r) => r.key));
      got.forEach((r, i) => {
        const b = base[i];
        expect(r.cases, `${g} ${r.key}`).toBe(b?.cases);
        for (const f of ["avgWait", "p90Wait", "avgService", "p90Service"] as const) {
          expect(r[f], `${g} ${r.key} ${f}`).toBeCloseTo(b?.[f] ?? Number.NaN, 6);
        }
      });
    }
  }
}

describe("大厅统计 from the case cells", () => {
  it("equals the base table after inserts, a clean-up that skips triggers, a moved case and renumbering", async () => {
    await insertCases(240, 1);
    await insertCases(90, 2);
    await expectSameAsBase();

    // The demo's partial clean-up runs with session_replication_role = replica (no key triggers).
    await h.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`delete from service_cases where id in
        (select id from service_cases where hall_id = ${hall.id} order by finished_at limit 70)`);
    });
    await expectSameAsBase();

    // A case corrected to another window, clerk and day; then every case numbered (no cell changes).
    await h.database.db.execute(sql`update service_cases set window_name = '2号窗口', staff_name = '赵窗口',
      wait_seconds = wait_seconds + 45, finished_at = finished_at + interval '1 day'
      where id in (select id from service_cases where hall_id = ${hall.id} order by finished_at desc limit 5)`);
    await h.database.db.execute(
      sql`update service_cases set case_no = 'T-' || id::text where hall_id = ${hall.id} and case_no is null`,
    );
    await expectSameAsBase();
    expect((await fromMetrics("staff", "2025-03-01", "2025-03-31")).map((r) => r.key)).toContain("赵窗口");
  });

  it("a bulk load defers the cells and rebuilds them once at its end", async () => {
    const before = (await fromMetrics("none", "2025-03-01", "2025-03-31"))[0]?.cases ?? 0;
    await h.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local zhengwu.cells_deferred = 'on'`);
      await insertCases(60, 3, tx);
    });
    expect((await fromMetrics("none", "2025-03-01", "2025-03-31"))[0]?.cases).toBe(before);
    await rebuildCaseCells(h.database.db, h.tenant.id, async () => undefined);
    expect((await fromMetrics("none", "2025-03-01", "2025-03-31"))[0]?.cases).toBe(before + 60);
    await expectSameAsBase();
  });
});
