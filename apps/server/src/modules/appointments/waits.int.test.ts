import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ServiceCaseListSchema } from "../../../../../packages/contracts/src/appointments.ts";
import { HallWaitsSchema } from "../../../../../packages/contracts/src/hall-waits.ts";
import { buildHall, movableClock, type TestHall } from "../../../test/factories/hall.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { queryRows } from "../../platform/db/rows.ts";

/**
 * 大厅统计's wait charts: waits by the hour the ticket was taken (Beijing) and P90 by window group.
 * Each figure must equal PostgreSQL's own avg/percentile_cont over service_cases, count exactly the
 * cases /cases lists under the same filters plus `hour` or `groupId`, and stay within the actor's scope.
 */
const clock = movableClock("2025-03-03T08:30:00+08:00");
const h = setUpHarness({ clock });
let hall: TestHall;
let viewer: TestUser;
let outsider: TestUser;

beforeAll(async () => {
  hall = await buildHall(h.database.db, h.tenant.id, h.tenant.units.a1.id, clock);
  viewer = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a1.id, ["supervisor"]);
  outsider = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b1.id, ["supervisor"]);
  // 120 cases over both groups on 4 March 2025, tickets taken from 08:00 to 17:59 Beijing time.
  const rows = Array.from({ length: 120 }, (_, k) => {
    const group = hall.groups[k % 2];
    if (!group) {
      throw new Error("no group");
    }
    const checkedIn = new Date("2025-03-04T08:00:00+08:00").getTime() + ((k * 37) % 600) * 60_000;
    const wait = (k * 7919) % 2400;
    const called = checkedIn + wait * 1000;
    const finished = called + 600_000;
    return sql`(${randomUUID()}, ${h.tenant.id}, ${hall.id}, ${h.tenant.units.a1.path}, 'district', ${group.id},
      ${group.windows[0]}, ${`${k % 2 ? 3 : 1}号窗口`}, ${randomUUID()}, 'I-A1', '测试事项', '王窗口', 'completed',
      ${new Date(checkedIn).toISOString()}, ${new Date(called).toISOString()}, ${new Date(called).toISOString()},
      ${new Date(finished).toISOString()}, ${wait}, 600)`;
  });
  await h.database.db.execute(sql`insert into service_cases (id, tenant_id, hall_id, scope_path, hall_level, group_id,
    window_id, window_name, ticket_id, item_code, item_name, staff_name, result, checked_in_at, called_at, started_at,
    finished_at, wait_seconds, service_seconds) values ${sql.join(rows, sql`, `)}`);
});

const PERIOD = "from=2025-03-01&to=2025-03-31";

async function waits(user: TestUser, query = PERIOD) {
  const res = await h.built.app.inject({ url: `/api/appointments/metrics/waits?${query}`, headers: authHeaders(user) });
  expect(res.statusCode, res.body).toBe(200);
  return HallWaitsSchema.parse(res.json());
}

async function casesTotal(query: string): Promise<number> {
  const res = await h.built.app.inject({
    url: `/api/appointments/cases?${PERIOD}&${query}&pageSize=1`,
    headers: authHeaders(viewer),
  });
  expect(res.statusCode, res.body).toBe(200);
  return ServiceCaseListSchema.parse(res.json()).total;
}

async function fromBase(key: "hour" | "group") {
  const k =
    key === "hour"
      ? sql`extract(hour from checked_in_at at time zone 'Asia/Shanghai')::int::text`
      : sql`group_id::text`;
  return queryRows<{ k: string; n: number; aw: number; pw: number }>(
    h.database.db,
    sql`select ${k} as k, count(*)::int as n, avg(wait_seconds)::float8 as aw,
          percentile_cont(0.9) within group (order by wait_seconds) as pw
        from service_cases where hall_id = ${hall.id} group by 1 order by 1`,
  );
}

describe("GET /api/appointments/metrics/waits", () => {
  it("gives each hour's and each window group's mean and P90 wait as the base table does", async () => {
    const got = await waits(viewer);
    const hours = await fromBase("hour");
    expect(got.byHour.map((r) => String(r.hour))).toEqual(hours.map((r) => r.k).sort((a, b) => Number(a) - Number(b)));
    expect(got.byHour[0]?.hour).toBe(8);
    for (const r of got.byHour) {
      const b = hours.find((x) => x.k === String(r.hour));
      expect(r.cases).toBe(Number(b?.n));
      expect(r.avgWaitSeconds).toBeCloseTo(Number(b?.aw), 6);
      expect(r.p90WaitSeconds).toBeCloseTo(Number(b?.pw), 6);
    }
    const groups = await fromBase("group");
    expect(got.byGroup.map((g) => g.groupId).sort()).toEqual(groups.map((g) => g.k).sort());
    for (const g of got.byGroup) {
      const b = groups.find((x) => x.k === g.groupId);
      expect(g.p90WaitSeconds).toBeCloseTo(Number(b?.pw), 6);
      expect(g.label).toMatch(/^测试大厅.* · (综合受理|不动产登记)$/);
    }
    // Worst P90 first.
    expect(got.byGroup[0]?.p90WaitSeconds).toBeGreaterThanOrEqual(got.byGroup[1]?.p90WaitSeconds ?? 0);
  });

  it("counts what the case list shows for the same hour or group", async () => {
    const got = await waits(viewer);
    const hour = got.byHour[2];
    const group = got.byGroup[0];
    expect(await casesTotal(`hour=${hour?.hour}`)).toBe(hour?.cases);
    expect(await casesTotal(`groupId=${group?.groupId}`)).toBe(group?.cases);
    expect(got.byHour.reduce((n, r) => n + r.cases, 0)).toBe(await casesTotal(`hallId=${hall.id}`));
  });

  it("follows the period and the actor's scope", async () => {
    expect((await waits(viewer, "from=2025-04-01&to=2025-04-30")).byHour).toEqual([]);
    const out = await waits(outsider);
    expect(out).toEqual({ byHour: [], byGroup: [] });
  });

  it("refuses a bad hour on the case list with a Chinese message", async () => {
    const res = await h.built.app.inject({ url: "/api/appointments/cases?hour=25", headers: authHeaders(viewer) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("时段须为 0–23 的整点");
  });
});
