import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ResourceField } from "../../../../../packages/contracts/src/data-sharing.ts";
import { requestInput, resourceInput } from "../../../test/factories/data-resource.factory.ts";
import { movableClock } from "../../../test/factories/hall.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { queryRows } from "../../platform/db/rows.ts";

/*
 * 查询条件: the one 信息项 a resource names for the data service to find rows by. Its value is kept
 * beside each row (the facet) on every write; an edit naming another 信息项 recomputes it; a filter
 * on it answers from the index in key order; and a reject-mode batch written slice by slice leaves
 * nothing behind when a late row is bad.
 */
const clock = movableClock("2022-10-10T10:00:00+08:00");
const h = setUpHarness({ clock });
let provider: TestUser;
let consumer: TestUser;

const call = (who: TestUser, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
  h.built.app.inject({ method, url, headers: authHeaders(who), ...(payload ? { payload } : {}) });

const STATES = ["存续", "注销", "吊销"] as const;
const withQuery = (fields: readonly ResourceField[], name: string) =>
  fields.map((f) => ({ ...f, query: f.name === name }));

const facets = async (code: string) =>
  queryRows<{ key: string; facet: string | null }>(
    h.database.db,
    sql`select r.key, r.facet from data_rows r join data_resources d on d.id = r.resource_id
        where d.code = ${code} order by r.key`,
  );

beforeAll(async () => {
  provider = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b.id, ["data_officer"]);
  consumer = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["data_officer"]);
});

describe("查询条件", () => {
  it("filters from the facet in key order, and follows an edit that names another 信息项", async () => {
    const base = resourceInput(h.tenant.units.b1.id);
    const input = { ...base, fields: withQuery(base.fields, "登记状态") };
    expect((await call(provider, "POST", "/api/data/resources", input)).statusCode).toBe(201);
    // Keys loaded out of order, so a page in key order is not the order of arrival.
    const numbers = [7, 2, 11, 4, 9, 1, 12, 5, 3, 10, 8, 6];
    const batch = await call(provider, "POST", `/api/data/resources/${input.code}/batches`, {
      batchId: "q1",
      mode: "reject",
      rows: numbers.map((n) => ({
        统一社会信用代码: `91440114MA${String(n).padStart(8, "0")}`,
        企业名称: `花都企业${n}`,
        登记状态: STATES[n % 3],
      })),
    });
    expect(batch.statusCode, batch.body).toBe(201);
    const stored = await facets(input.code);
    expect(stored.map((r) => r.facet)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => STATES[n % 3]));

    const ask = await call(
      consumer,
      "POST",
      "/api/data/requests",
      requestInput(input.code, h.tenant.units.a1.id, {
        purpose: "核验企业登记状态",
        fields: ["统一社会信用代码", "企业名称", "登记状态"],
      }),
    );
    expect(ask.json().status).toBe("granted");
    const cred = await call(consumer, "POST", `/api/data/grants/${ask.json().grant.id}/credentials`);
    const get = (query: string) =>
      h.built.app.inject({
        url: `/api/data/resources/${input.code}/rows${query}`,
        headers: { "x-api-key": cred.json().secret },
      });
    const filter = (field: string, value: string) =>
      `filter[${encodeURIComponent(field)}]=${encodeURIComponent(value)}`;

    const first = await get(`?pageSize=2&${filter("登记状态", "注销")}`);
    expect(first.statusCode, first.body).toBe(200);
    // 注销 = n % 3 === 1: rows 1, 4, 7, 10 in key order.
    expect(first.json().items.map((r: { 企业名称: string }) => r.企业名称)).toEqual(["花都企业1", "花都企业4"]);
    expect(first.json().hasMore).toBe(true);
    const second = await get(`?pageSize=2&page=2&${filter("登记状态", "注销")}`);
    expect(second.json().items.map((r: { 企业名称: string }) => r.企业名称)).toEqual(["花都企业7", "花都企业10"]);
    expect(second.json().hasMore).toBe(false);
    // Combined with a filter on another 信息项, both hold.
    const both = await get(`?${filter("登记状态", "存续")}&${filter("企业名称", "花都企业6")}`);
    expect(both.json().items).toEqual([
      { 统一社会信用代码: "91440114MA00000006", 企业名称: "花都企业6", 登记状态: "存续" },
    ]);

    // The provider makes 企业名称 the 查询条件: every stored row's facet follows at once.
    const edit = await call(provider, "PUT", `/api/data/resources/${input.code}`, {
      ...input,
      fields: withQuery(base.fields, "企业名称"),
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().fields.find((f: ResourceField) => f.query).name).toBe("企业名称");
    expect((await facets(input.code)).map((r) => r.facet)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => `花都企业${n}`),
    );
    const byName = await get(`?${filter("企业名称", "花都企业9")}`);
    expect(byName.json().items).toEqual([
      { 统一社会信用代码: "91440114MA00000009", 企业名称: "花都企业9", 登记状态: "存续" },
    ]);
    // 登记状态 is no longer the 查询条件 but still filters (row by row).
    const byState = await get(`?pageSize=100&${filter("登记状态", "吊销")}`);
    expect(byState.json().items).toHaveLength(4);

    // And none: the facets are cleared.
    await call(provider, "PUT", `/api/data/resources/${input.code}`, { ...input, fields: withQuery(base.fields, "") });
    expect((await facets(input.code)).every((r) => r.facet === null)).toBe(true);
  });

  it("one 信息项 at most is the 查询条件", async () => {
    const base = resourceInput(h.tenant.units.b1.id);
    const fields = base.fields.map((f) => ({ ...f, query: f.name === "企业名称" || f.name === "登记状态" }));
    const res = await call(provider, "POST", "/api/data/resources", { ...base, fields });
    expect(res.statusCode).toBe(400);
    const issue = res.json().error.details.find((d: { path: string }) => d.path.endsWith("query"));
    expect(issue).toMatchObject({ path: "fields.5.query", message: "查询条件只能设一个信息项（已设“企业名称”）" });
  });

  it("a reject-mode batch whose bad row comes after several slices were written leaves nothing", async () => {
    const base = resourceInput(h.tenant.units.b1.id);
    const input = { ...base, fields: withQuery(base.fields, "登记状态") };
    await call(provider, "POST", "/api/data/resources", input);
    // A file (a JSON body this large is over the API's limit): the header, then 12,000 rows.
    const csv = (bad: string) =>
      [
        "统一社会信用代码,企业名称,登记状态",
        ...Array.from(
          { length: 12_000 },
          (_, i) => `91440114MB${String(i).padStart(8, "0")},花都企业${i},${i === 11_500 ? bad : "存续"}`,
        ),
      ].join("\n");
    const upload = (body: string) =>
      h.built.app.inject({
        method: "POST",
        url: `/api/data/resources/${input.code}/batches/upload?batchId=late-bad&mode=reject`,
        headers: { ...authHeaders(provider), "content-type": "text/csv" },
        payload: body,
      });
    const res = await upload(csv("歇业"));
    expect(res.statusCode).toBe(422);
    // Row 11,500 of the data is line 11,502 of the file (the header is line 1).
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ path: "file.11502.登记状态", row: 11_502, column: "登记状态" }),
    ]);
    expect(await facets(input.code)).toEqual([]);
    const batches = await call(provider, "GET", `/api/data/resources/${input.code}/batches`);
    expect(batches.json().total).toBe(0);
    // The same id with the row mended is a new batch (the refusal claimed nothing).
    const again = await upload(csv("注销"));
    expect(again.statusCode, again.body.slice(0, 300)).toBe(201);
    expect(again.json()).toMatchObject({ received: 12_000, accepted: 12_000, quarantined: 0 });
    expect((await facets(input.code)).filter((r) => r.facet === "注销")).toHaveLength(1);
  });
});
