import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { resourceInput } from "../../../test/factories/data-resource.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";

/*
 * The open catalog through CKAN's Action API, on the real database: what is published (开放 only,
 * never a personal field), the envelope and error dictionaries of CKAN's API guide, GET and POST,
 * the DCAT exports and the downloads.
 */
const h = setUpHarness();
let officer: TestUser;
type Input = ReturnType<typeof resourceInput>;
let open: Input;
let conditional: Input;
let closed: Input;

const ckan = (path: string, init: { method?: "GET" | "POST"; payload?: object } = {}) =>
  h.built.app.inject({
    method: init.method ?? "GET",
    url: `/open-data/${h.tenant.code}/api/3/action/${path}`,
    ...(init.payload ? { payload: init.payload } : {}),
  });

beforeAll(async () => {
  officer = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["data_officer"]);
  const post = (url: string, payload: object) =>
    h.built.app.inject({ method: "POST", url, headers: authHeaders(officer), payload });
  const a1 = h.tenant.units.a1.id;
  open = resourceInput(a1, { name: "市场主体名录", openType: "unconditional" });
  conditional = resourceInput(a1, { name: "企业年报摘要", openType: "conditional" });
  closed = resourceInput(h.tenant.units.b1.id, { name: "内部资源", openType: "none" });
  for (const r of [open, conditional, closed]) {
    expect((await post("/api/data/resources", r)).statusCode).toBe(201);
  }
  const batch = await post(`/api/data/resources/${open.code}/batches`, {
    batchId: "open-1",
    mode: "reject",
    rows: [
      { 统一社会信用代码: "91440114MA5A000001", 企业名称: "花都甲公司", 法定代表人: "张三", 登记状态: "存续" },
      { 统一社会信用代码: "91440114MA5A000002", 企业名称: "花都乙公司, 有限", 法定代表人: "李四", 登记状态: "注销" },
    ],
  });
  expect(batch.statusCode).toBeLessThan(300);
});

describe("CKAN Action API over the open catalog", () => {
  it("status_show and package_list answer in CKAN's envelope; 不予开放 is never listed", async () => {
    const status = (await ckan("status_show")).json();
    expect(status).toMatchObject({ success: true, result: { ckan_version: expect.stringMatching(/^2\./) } });
    expect(status.help).toMatch(/\/api\/3\/action\/help_show\?name=status_show$/);
    const list = (await ckan("package_list")).json();
    expect(list.success).toBe(true);
    expect(list.result).toEqual([open.code, conditional.code].sort());
  });

  it("package_show by name or id: the personal field is in neither the fields nor any text", async () => {
    const byName = await ckan(`package_show?id=${open.code}`);
    expect(byName.statusCode).toBe(200);
    const pkg = byName.json().result;
    expect(pkg).toMatchObject({
      name: open.code,
      title: "市场主体名录",
      type: "dataset",
      private: false,
      num_resources: 3,
    });
    expect(byName.body).not.toContain("法定代表人");
    expect((await ckan(`package_show?id=${pkg.id}`)).json().result.name).toBe(open.code);
    const cond = (await ckan(`package_show?id=${conditional.code}`)).json().result;
    expect(cond.resources).toEqual([]);
  });

  it("errors: Not Found 404, a missing id is a Validation Error 409, an unknown action a Bad Request 400", async () => {
    const missing = await ckan(`package_show?id=${closed.code}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({
      success: false,
      error: { __type: "Not Found Error", message: "Not found" },
    });
    const noId = await ckan("package_show");
    expect(noId.statusCode).toBe(409);
    expect(noId.json().error).toEqual({ __type: "Validation Error", id: ["Missing value"] });
    // The server's own input checks (a NUL in a parameter) answer in CKAN's dictionaries, not as a 500.
    const nul = await ckan(`package_search?q=${encodeURIComponent("a\u0000")}`);
    expect(nul.statusCode).toBe(409);
    expect(nul.json()).toMatchObject({ success: false, error: { __type: "Validation Error" } });
    const unknown = await ckan("package_destroy_everything");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toEqual({
      __type: "Bad Request",
      message: "Bad request - Action name not known: package_destroy_everything",
    });
  });

  it("package_search by GET and by POST with a JSON body give the same answer", async () => {
    const get = (await ckan(`package_search?q=${encodeURIComponent("名录")}&rows=5`)).json();
    const post = (await ckan("package_search", { method: "POST", payload: { q: "名录", rows: 5 } })).json();
    expect(get.result.count).toBe(1);
    expect(get.result.results[0].name).toBe(open.code);
    expect(post.result).toEqual(get.result);
  });

  it("organization_list, organization_show, group_list and tag_list name the providers and classifications", async () => {
    expect((await ckan("organization_list")).json().result).toEqual([h.tenant.units.a1.id]);
    const org = (await ckan(`organization_show?id=${h.tenant.units.a1.id}&include_datasets=true`)).json().result;
    expect(org).toMatchObject({ title: h.tenant.units.a1.name, package_count: 2, is_organization: true });
    expect(org.packages).toHaveLength(2);
    expect((await ckan("group_list?all_fields=true")).json().result).toContainEqual(
      expect.objectContaining({ name: "department", package_count: 2 }),
    );
    expect((await ckan("tag_list")).json().result).toContain("市场监管");
    expect((await ckan(`resource_show?id=${open.code}-csv`)).json().result.format).toBe("CSV");
  });

  it("the unbound /api/3/action takes ?tenant=", async () => {
    const res = await h.built.app.inject({ url: `/api/3/action/package_list?tenant=${h.tenant.code}` });
    expect(res.json().result).toEqual([open.code, conditional.code].sort());
  });

  it("DCAT-AP exports in JSON-LD and Turtle list the open datasets only", async () => {
    const jsonld = await h.built.app.inject({ url: `/open-data/${h.tenant.code}/catalog.jsonld` });
    expect(jsonld.headers["content-type"]).toContain("application/ld+json");
    expect(jsonld.body).toContain(open.code);
    expect(jsonld.body).not.toContain(closed.code);
    const ttl = await h.built.app.inject({ url: `/open-data/${h.tenant.code}/catalog.ttl` });
    expect(ttl.body).toContain("dcat:Catalog");
    expect((await h.built.app.inject({ url: "/open-data/000000/catalog.ttl" })).statusCode).toBe(404);
  });

  it("downloads carry the open fields only; 有条件开放 is 403 with the reason, 不予开放 404", async () => {
    const base = `/api/public/data/${h.tenant.code}/resources`;
    const csv = await h.built.app.inject({ url: `${base}/${open.code}/download.csv` });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).not.toContain("法定代表人");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('"花都乙公司, 有限"');
    expect(csv.body).not.toContain("张三");
    const xlsx = await h.built.app.inject({ url: `${base}/${open.code}/download.xlsx` });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.rowCount).toBe(3);
    const json = (await h.built.app.inject({ url: `${base}/${open.code}/download.json` })).json();
    expect(json.rows[0]).not.toHaveProperty("法定代表人");
    const cond = await h.built.app.inject({ url: `${base}/${conditional.code}/download.csv` });
    expect(cond.statusCode).toBe(403);
    expect(cond.json().error.message).toContain("申请");
    expect((await h.built.app.inject({ url: `${base}/${closed.code}/download.csv` })).statusCode).toBe(404);
  });
});
