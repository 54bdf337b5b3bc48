import { beforeAll, describe, expect, it } from "vitest";
import { resourceInput } from "../../../test/factories/data-resource.factory.ts";
import { movableClock } from "../../../test/factories/hall.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { logExchange } from "./exchange-log.service.ts";

const clock = movableClock("2022-03-10T10:00:00+08:00");
const h = setUpHarness({ clock });
let district: TestUser;
let officerA: TestUser; // department A: provides resA (at A1), consumes resB
let officerB: TestUser;
const codes = { a: "", b: "" };
const ids = { a: "", b: "" };

const call = (who: TestUser, method: "GET" | "POST", url: string, payload?: object) =>
  h.built.app.inject({ method, url, headers: authHeaders(who), ...(payload ? { payload } : {}) });
const checksum = "a".repeat(64);

/** A registered-only sync (counts and checksum) received at a Beijing instant. */
async function registered(who: TestUser, code: string, batchId: string, rowCount: number, at: string) {
  clock.set(at);
  const res = await call(who, "POST", `/api/data/resources/${code}/batches`, { batchId, rowCount, checksum });
  expect(res.statusCode).toBe(201);
}

async function served(consumer: "a1" | "b1", provider: "a" | "b", rows: number, at: string, outcome = "served") {
  const unit = h.tenant.units[consumer];
  await logExchange(h.database.db, {
    tenantId: h.tenant.id,
    at: new Date(at),
    consumerUnitId: unit.id,
    consumerPath: unit.path,
    providerPath: provider === "a" ? h.tenant.units.a1.path : h.tenant.units.b1.path,
    grantId: null,
    resourceId: ids[provider],
    resourceCode: codes[provider],
    fields: ["企业名称"],
    filter: {},
    rowsReturned: outcome === "served" ? rows : 0,
    requestId: `req-${at}`,
    outcome: outcome as "served" | "refused",
    reason: outcome === "served" ? null : "授权已撤销",
  });
}

beforeAll(async () => {
  district = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["data_officer"]);
  officerA = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["data_officer"]);
  officerB = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b.id, ["data_officer"]);
  for (const [k, who, unit] of [
    ["a", officerA, h.tenant.units.a1.id],
    ["b", officerB, h.tenant.units.b1.id],
  ] as const) {
    const input = resourceInput(unit);
    const res = await call(who, "POST", "/api/data/resources", input);
    expect(res.statusCode).toBe(201);
    codes[k] = input.code;
    ids[k] = res.json().id;
  }
  // 2022 in Beijing time: 2021-12-31 16:30Z is 2022-01-01 00:30 (counts), 2022-12-31 16:30Z is 2023 (does not).
  await registered(officerA, codes.a, "a-1", 1_500_000_000, "2021-12-31T16:30:00Z");
  await registered(officerA, codes.a, "a-2", 600_000_000, "2022-10-12T09:00:00+08:00");
  await registered(officerB, codes.b, "b-1", 4_000, "2022-10-20T09:00:00+08:00");
  await registered(officerB, codes.b, "b-2", 7, "2022-12-31T16:30:00Z");
  clock.set("2022-11-05T09:00:00+08:00");
  const stored = await call(officerB, "POST", `/api/data/resources/${codes.b}/batches`, {
    batchId: "b-3",
    mode: "quarantine",
    rows: [
      {
        统一社会信用代码: "91440114MA00000001",
        企业名称: "花都测试企业",
        法定代表人: "张三",
        注册资本: 100,
        成立日期: "2020-05-01",
        登记状态: "存续",
      },
      { 企业名称: "" },
    ],
  });
  expect(stored.statusCode).toBe(201);
  expect(stored.json().accepted).toBe(1);
  await served("a1", "b", 1_000, "2022-01-01T00:10:00+08:00");
  await served("a1", "b", 2_500, "2022-10-12T10:00:00+08:00");
  await served("b1", "b", 40, "2022-10-13T10:00:00+08:00");
  await served("b1", "a", 9, "2022-11-13T10:00:00+08:00");
  await served("a1", "b", 0, "2022-11-14T10:00:00+08:00", "refused");
  await served("a1", "b", 77, "2021-12-31T23:59:00+08:00");
});

describe("数据统计", () => {
  it("district: the year's aggregated rows (registered-only included) and shared rows, by provider, consumer, month", async () => {
    const res = await call(district, "GET", "/api/data/statistics?year=2022");
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.year).toBe(2022);
    expect(s.aggregated).toMatchObject({ rows: 2_100_004_001, batches: 4 });
    expect(s.aggregated.byProvider).toEqual([
      { unitId: h.tenant.units.a1.id, name: h.tenant.units.a1.name, rows: 2_100_000_000, count: 2 },
      { unitId: h.tenant.units.b1.id, name: h.tenant.units.b1.name, rows: 4_001, count: 2 },
    ]);
    expect(s.aggregated.byMonth).toHaveLength(12);
    expect(s.aggregated.byMonth[0]).toEqual({ month: "2022-01", rows: 1_500_000_000, count: 1 });
    expect(s.aggregated.byMonth[9]).toEqual({ month: "2022-10", rows: 600_004_000, count: 2 });
    expect(s.aggregated.byMonth[11]).toEqual({ month: "2022-12", rows: 0, count: 0 });
    // Served only; the refused call and the one of 2021 are not counted.
    expect(s.shared).toMatchObject({ rows: 3_549, calls: 4 });
    expect(s.shared.byConsumer).toEqual([
      { unitId: h.tenant.units.a1.id, name: h.tenant.units.a1.name, rows: 3_500, count: 2 },
      { unitId: h.tenant.units.b1.id, name: h.tenant.units.b1.name, rows: 49, count: 2 },
    ]);
    expect(s.shared.byProvider.map((u: { rows: number }) => u.rows)).toEqual([3_540, 9]);
    expect(s.shared.byMonth[0]).toEqual({ month: "2022-01", rows: 1_000, count: 1 });
    expect(s.shared.byMonth[10]).toEqual({ month: "2022-11", rows: 9, count: 1 });

    const next = (await call(district, "GET", "/api/data/statistics?year=2023")).json();
    expect(next.aggregated).toMatchObject({ rows: 7, batches: 1 });
  });

  it("a department's officer sees its subtree: its resources' batches, the calls it made or served", async () => {
    const s = (await call(officerA, "GET", "/api/data/statistics?year=2022")).json();
    expect(s.aggregated.rows).toBe(2_100_000_000);
    expect(s.aggregated.byProvider.map((u: { unitId: string }) => u.unitId)).toEqual([h.tenant.units.a1.id]);
    // A1 consumed 3,500 rows of B's resource; B1 consumed 9 of A's.
    expect(s.shared.rows).toBe(3_509);
    const b = (await call(officerB, "GET", "/api/data/statistics?year=2022")).json();
    expect(b.aggregated.rows).toBe(4_001);
    expect(b.shared.rows).toBe(3_549);
  });

  it("the year defaults to the current one in Beijing time; a bad year is a 400 in Chinese", async () => {
    clock.set("2022-12-31T16:30:00Z");
    expect((await call(district, "GET", "/api/data/statistics")).json().year).toBe(2023);
    const bad = await call(district, "GET", "/api/data/statistics?year=abc");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("年份");
    expect((await call(district, "GET", "/api/data/statistics?year=1999")).statusCode).toBe(400);
  });

  it("every figure opens its records: batches by provider and days, the exchange log by provider", async () => {
    const byProvider = await call(
      district,
      "GET",
      `/api/data/batches?providerUnitId=${h.tenant.units.a1.id}&from=2022-01-01&to=2022-12-31`,
    );
    expect(byProvider.statusCode).toBe(200);
    expect(byProvider.json()).toMatchObject({ total: 2, acceptedRows: 2_100_000_000 });
    expect(byProvider.json().items[0]).toMatchObject({
      batchId: "a-2",
      mode: "registered",
      resourceCode: codes.a,
      providerName: h.tenant.units.a1.name,
    });
    const october = (await call(district, "GET", "/api/data/batches?from=2022-10-01&to=2022-10-31")).json();
    expect(october).toMatchObject({ total: 2, acceptedRows: 600_004_000 });
    // Out of scope: B's officer does not see A's batches, even asking for A's unit.
    const other = (await call(officerB, "GET", `/api/data/batches?providerUnitId=${h.tenant.units.a1.id}`)).json();
    expect(other).toMatchObject({ total: 0, acceptedRows: 0, items: [] });
    const badDay = await call(district, "GET", "/api/data/batches?from=2022-13-01");
    expect(badDay.statusCode).toBe(400);
    expect(badDay.body).toContain("日期格式");

    const log = await call(
      district,
      "GET",
      `/api/data/exchange-log?providerUnitId=${h.tenant.units.a1.id}&outcome=served&from=${encodeURIComponent("2022-01-01T00:00:00+08:00")}&to=${encodeURIComponent("2022-12-31T23:59:59.999+08:00")}`,
    );
    expect(log.statusCode).toBe(200);
    expect(log.json().total).toBe(1);
    expect(log.json().items[0].rowsReturned).toBe(9);
  });
});
