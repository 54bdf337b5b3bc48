import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { RowsPageSchema } from "../../../../../packages/contracts/src/data-sharing-exchange.ts";
import { requestInput, resourceInput } from "../../../test/factories/data-resource.factory.ts";
import { movableClock } from "../../../test/factories/hall.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { issueApiKey } from "../api-keys/api-keys.service.ts";
import { verifyExchangeChain } from "./exchange-log.service.ts";

const clock = movableClock("2022-10-10T10:00:00+08:00");
const h = setUpHarness({ clock });
let provider: TestUser;
let consumer: TestUser;
const input = () => resourceInput(h.tenant.units.b1.id, { shareType: "conditional", shareCondition: "仅限执法使用" });
let code: string;

const call = (who: TestUser, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
  h.built.app.inject({ method, url, headers: authHeaders(who), ...(payload ? { payload } : {}) });
const rows = (secret: string, query = "") =>
  h.built.app.inject({ url: `/api/data/resources/${code}/rows${query}`, headers: { "x-api-key": secret } });

/** A granted request of A1 with the provider's terms, and its credential's secret. */
async function credential(terms: object): Promise<{ grantId: string; secret: string }> {
  const request = await call(
    consumer,
    "POST",
    "/api/data/requests",
    requestInput(code, h.tenant.units.a1.id, { fields: ["统一社会信用代码", "企业名称", "法定代表人"] }),
  );
  const decided = await call(provider, "POST", `/api/data/requests/${request.json().id}/decision`, {
    decision: "approve",
    ...terms,
  });
  const grantId = decided.json().grant.id as string;
  const cred = await call(consumer, "POST", `/api/data/grants/${grantId}/credentials`);
  expect(cred.statusCode).toBe(201);
  return { grantId, secret: cred.json().secret };
}

const logOf = async (grantId: string) =>
  queryRows<{ outcome: string; reason: string | null; rows_returned: number; fields: string[] }>(
    h.database.db,
    sql`select outcome, reason, rows_returned, fields from data_exchange_log where grant_id = ${grantId} order by seq`,
  );

beforeAll(async () => {
  provider = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b.id, ["data_officer"]);
  consumer = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["data_officer"]);
  const resource = input();
  code = resource.code;
  expect((await call(provider, "POST", "/api/data/resources", resource)).statusCode).toBe(201);
  const batch = await call(provider, "POST", `/api/data/resources/${code}/batches`, {
    batchId: "b1",
    mode: "reject",
    rows: [1, 2, 3].map((n) => ({
      统一社会信用代码: `91440114MA0000000${n}`,
      企业名称: `花都企业${n}`,
      法定代表人: `李四${n}`,
      注册资本: n * 100,
      登记状态: n === 3 ? "注销" : "存续",
    })),
  });
  expect(batch.statusCode).toBe(201);
});

describe("数据服务", () => {
  it("returns only the granted fields, personal ones masked, filtered and paged; every call is logged", async () => {
    const { grantId, secret } = await credential({ fields: ["统一社会信用代码", "法定代表人"] });
    const res = await rows(secret);
    expect(res.statusCode, res.body).toBe(200);
    // The route writes its answer without checking it against the schema; the schema must still hold.
    expect(RowsPageSchema.safeParse(res.json()).success).toBe(true);
    expect(res.json().fields).toEqual(["统一社会信用代码", "法定代表人"]);
    expect(res.json().masked).toEqual(["法定代表人"]);
    expect(res.json().items[0]).toEqual({ 统一社会信用代码: "91440114MA00000001", 法定代表人: "李**" });
    expect(res.body).not.toContain("花都企业");
    const filtered = await rows(secret, `?filter[${encodeURIComponent("统一社会信用代码")}]=91440114MA00000002`);
    expect(filtered.json().items).toEqual([{ 统一社会信用代码: "91440114MA00000002", 法定代表人: "李**" }]);
    const paged = await rows(secret, "?pageSize=2&page=2");
    expect(paged.json()).toMatchObject({ hasMore: false, items: [{ 统一社会信用代码: "91440114MA00000003" }] });
    expect((await logOf(grantId)).map((e) => [e.outcome, e.rows_returned])).toEqual([
      ["served", 3],
      ["served", 1],
      ["served", 1],
    ]);
  });

  it("a field beyond the grant, asked or filtered on, is 403 and logged", async () => {
    const { grantId, secret } = await credential({ fields: ["统一社会信用代码"] });
    const asked = await rows(secret, `?fields=${encodeURIComponent("统一社会信用代码,企业名称")}`);
    expect(asked.statusCode).toBe(403);
    expect(asked.json().error.message).toBe("信息项“企业名称”不在共享授权范围内");
    const filtered = await rows(secret, `?filter[${encodeURIComponent("登记状态")}]=${encodeURIComponent("存续")}`);
    expect(filtered.statusCode).toBe(403);
    const log = await logOf(grantId);
    expect(log.map((e) => [e.outcome, e.rows_returned])).toEqual([
      ["refused", 0],
      ["refused", 0],
    ]);
    expect(log[0]?.reason).toContain("企业名称");
  });

  it("the provider's leave shows personal data in clear", async () => {
    const { secret } = await credential({ personal: true });
    const res = await rows(secret, "?pageSize=1");
    expect(res.json().items).toEqual([
      { 统一社会信用代码: "91440114MA00000001", 企业名称: "花都企业1", 法定代表人: "李四1" },
    ]);
    expect(res.json().masked).toEqual([]);
  });

  it("a revoked grant is refused at once with the reason, and the refusal is logged", async () => {
    const { grantId, secret } = await credential({});
    expect((await rows(secret)).statusCode).toBe(200);
    await call(provider, "POST", `/api/data/grants/${grantId}/revoke`, { reason: "执法事项已办结" });
    const res = await rows(secret);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain("撤销：执法事项已办结");
    expect((await logOf(grantId)).map((e) => e.outcome)).toEqual(["served", "refused"]);
  });

  it("a resource edit holds from the next call: a 信息项 made personal is masked at once", async () => {
    const { secret } = await credential({ fields: ["统一社会信用代码", "企业名称"] });
    expect((await rows(secret, "?pageSize=1")).json().masked).toEqual([]);
    const edited = { ...input(), code };
    edited.fields = edited.fields.map((f) => (f.name === "企业名称" ? { ...f, personal: true } : f));
    const put = await call(provider, "PUT", `/api/data/resources/${code}`, edited);
    expect(put.statusCode, put.body).toBe(200);
    const res = await rows(secret, "?pageSize=1");
    expect(res.json().masked).toEqual(["企业名称"]);
    expect(res.json().items).toEqual([{ 统一社会信用代码: "91440114MA00000001", 企业名称: "花****" }]);
  });

  it("an expired grant is refused with its end date, and logged", async () => {
    const { grantId, secret } = await credential({ periodTo: "2022-10-31" });
    clock.set("2022-11-01T09:00:00+08:00");
    try {
      const res = await rows(secret);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe("共享授权已于 2022-10-31 到期");
    } finally {
      clock.set("2022-10-10T10:00:00+08:00");
    }
    expect((await logOf(grantId)).map((e) => [e.outcome, e.reason])).toEqual([
      ["refused", "共享授权已于 2022-10-31 到期"],
    ]);
  });

  it("data:read keys are issued only with a grant; the exchange log and its counters are scoped", async () => {
    const other = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["admin"]);
    const key = await call(other, "POST", "/api/api-keys", { name: "通用密钥", scopes: ["data:read"] });
    expect(key.statusCode).toBe(400);
    // A data:read key made outside a grant (as the CLI could) reads nothing.
    const unbound = await issueApiKey(
      { db: h.database.db, tenantId: h.tenant.id, orgUnitId: h.tenant.units.a1.id, createdBy: "test" },
      { name: "无授权", scopes: ["data:read"] },
    );
    const refused = await rows(unbound.secret);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain("未绑定共享授权");

    const mine = (await call(consumer, "GET", `/api/data/exchange-log?resourceCode=${code}&pageSize=200`)).json();
    expect(mine.total).toBeGreaterThanOrEqual(9);
    expect(mine.items.some((e: { outcome: string }) => e.outcome === "refused")).toBe(true);
    const providerView = (await call(provider, "GET", `/api/data/exchange-log?outcome=served`)).json();
    expect(providerView.total).toBe(mine.items.filter((e: { outcome: string }) => e.outcome === "served").length);
    const stranger = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a1.id, ["data_officer"]);
    const byConsumer = (await call(stranger, "GET", "/api/data/exchange-log/counters?by=consumer")).json();
    expect(byConsumer.items).toEqual([
      { key: h.tenant.units.a1.id, label: h.tenant.units.a1.name, rows: expect.any(Number), calls: expect.any(Number) },
    ]);
    const byMonth = (await call(provider, "GET", "/api/data/exchange-log/counters?by=month")).json();
    expect(byMonth.items.map((i: { key: string }) => i.key)).toEqual(["2022-10"]);
    // A's officer sees its unit's calls; B's sees them as provider; the other department sees none.
    const district = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["data_officer"]);
    expect((await call(district, "GET", "/api/data/exchange-log")).json().total).toBeGreaterThanOrEqual(mine.total);
  });
});

describe("交换日志 hash chain", () => {
  it("is append-only, verifies whole, and verify finds the first tampered link", async () => {
    const tenantId = h.tenant.id;
    const before = await verifyExchangeChain(h.database.db, tenantId);
    expect(before).toMatchObject({ ok: true, firstBrokenId: null });
    // The page's check: the district's data officer and auditors may run it, a unit's officer not.
    const district = await buildUser(h.database.db, tenantId, h.tenant.units.root.id, ["data_officer"]);
    const auditor = await buildUser(h.database.db, tenantId, h.tenant.units.a.id, ["auditor"]);
    expect((await call(district, "GET", "/api/data/exchange-log/verify")).json()).toEqual(before);
    expect((await call(auditor, "GET", "/api/data/exchange-log/verify")).json()).toEqual(before);
    expect((await call(provider, "GET", "/api/data/exchange-log/verify")).statusCode).toBe(403);
    const me = async (who: TestUser) => (await call(who, "GET", "/api/auth/me")).json().can.verifyExchange;
    expect([await me(district), await me(auditor), await me(provider)]).toEqual([true, true, false]);
    expect(before.checked).toBeGreaterThan(5);
    await expect(
      h.database.db.execute(sql`update data_exchange_log set rows_returned = 0 where tenant_id = ${tenantId}`),
    ).rejects.toThrow();

    const [victim] = await queryRows<{ id: string }>(
      h.database.db,
      sql`select id from data_exchange_log where tenant_id = ${tenantId} order by seq offset 2 limit 1`,
    );
    await h.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table data_exchange_log disable trigger data_exchange_log_no_update_delete`);
      await tx.execute(sql`update data_exchange_log set rows_returned = rows_returned + 1000 where id = ${victim?.id}`);
      await tx.execute(sql`alter table data_exchange_log enable trigger data_exchange_log_no_update_delete`);
    });
    const after = await verifyExchangeChain(h.database.db, tenantId);
    expect(after).toMatchObject({ ok: false, checked: 2, firstBrokenId: victim?.id });
    expect(after.reason).toContain("记录被修改");
    expect((await call(district, "GET", "/api/data/exchange-log/verify")).json()).toEqual(after);
  });
});
