import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { resourceInput } from "../../../test/factories/data-resource.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { queryRows } from "../../platform/db/rows.ts";

// A small limit so the test proves the 413 without allocating 100 MB (the default).
const LIMIT = 64 * 1024;
const h = setUpHarness({ env: { ZHENGWU_DATA_UPLOAD_MAX_BYTES: String(LIMIT) } });
let officer: TestUser;
let outsider: TestUser;
let code: string;

const HEADER = "统一社会信用代码,企业名称,法定代表人,注册资本,成立日期,登记状态";
const line = (n: number) => `91440114MA${String(n).padStart(8, "0")},花都测试企业${n},张三,${100 + n},2020-05-01,存续`;
const csv = (...lines: string[]) => Buffer.from(`\uFEFF${[HEADER, ...lines].join("\r\n")}\r\n`, "utf8");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const upload = (body: Buffer | Readable, query: string, headers: Record<string, string> = authHeaders(officer)) =>
  h.built.app.inject({
    method: "POST",
    url: `/api/data/resources/${code}/batches/upload?${query}`,
    headers: { "content-type": "text/csv", ...headers },
    payload: body,
  });

/** Rows of this file's resource only (the shared PostgreSQL server holds other files' rows too). */
const ofResource = () => sql`resource_id = (select id from data_resources where code = ${code})`;

const count = async (table: "data_rows" | "data_batches") =>
  (
    await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from ${sql.raw(table)} t join data_resources d on d.id = t.resource_id where d.code = ${code}`,
    )
  )[0]?.n;

beforeAll(async () => {
  officer = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["data_officer"]);
  outsider = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b.id, ["data_officer"]);
  const input = resourceInput(h.tenant.units.a1.id);
  code = input.code;
  const res = await h.built.app.inject({
    method: "POST",
    url: "/api/data/resources",
    headers: authHeaders(officer),
    payload: input,
  });
  expect(res.statusCode).toBe(201);
});

describe("data file upload", () => {
  it("wrong headers: 400 naming the unknown and the missing columns, nothing written", async () => {
    const body = Buffer.from("企业名称,注册资金\n花都测试企业1,100\n", "utf8");
    const res = await upload(body, "batchId=h-1");
    expect(res.statusCode).toBe(400);
    const message = res.json().error.message as string;
    expect(message).toContain("未知列“注册资金”");
    expect(message).toContain("缺少列“统一社会信用代码”");
    expect(await count("data_batches")).toBe(0);
  });

  it("wrong types: 422 with the file's row and column, nothing written", async () => {
    const body = csv(line(1), line(2).replace(",102,", ",很多,"), line(3).replace("2020-05-01", "2020-02-30"));
    const res = await upload(body, "batchId=t-1&mode=reject");
    expect(res.statusCode).toBe(422);
    const details = res.json().error.details as Array<{ row: number; column: string; message: string; path: string }>;
    expect(details).toEqual([
      { row: 3, column: "注册资本", message: "第 3 行“注册资本”：应为数值型", path: "file.3.注册资本" },
      expect.objectContaining({ row: 4, column: "成立日期" }),
    ]);
    expect(await count("data_rows")).toBe(0);
    expect(await count("data_batches")).toBe(0);
  });

  it("CSV with a BOM: stored, idempotent by batch id (a different file under it is 409)", async () => {
    const body = csv(line(1), line(2), `"91440114MA00000003","花都""测试"",企业3",李四,103,2020-05-01,存续`);
    const res = await upload(body, "batchId=c-1");
    expect(res.statusCode, res.body).toBe(201);
    expect([res.json().received, res.json().accepted, res.json().mode]).toEqual([3, 3, "reject"]);
    const again = await upload(body, "batchId=c-1");
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotent-replay"]).toBe("true");
    expect((await upload(csv(line(9)), "batchId=c-1")).statusCode).toBe(409);
    expect(await count("data_rows")).toBe(3);
    const [stored] = await queryRows<{ name: string }>(
      h.database.db,
      sql`select data->>'企业名称' as name from data_rows where ${ofResource()} and key = '91440114MA00000003'`,
    );
    expect(stored?.name).toBe('花都"测试",企业3');
  });

  it("XLSX in quarantine mode: Excel numbers and dates read by 信息项 type, bad rows listed by sheet row", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("数据");
    ws.addRow(HEADER.split(","));
    ws.addRow(["91440114MA00000011", "花都测试企业11", "王五", 111, new Date(Date.UTC(2019, 0, 2)), "存续"]);
    ws.addRow(["91440114MA00000012", "花都测试企业12", "赵六", 112, new Date(Date.UTC(2019, 0, 3)), "歇业"]);
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(body, "batchId=x-1&mode=quarantine", { ...authHeaders(officer), "content-type": XLSX });
    expect(res.statusCode, res.body).toBe(201);
    expect([res.json().accepted, res.json().quarantined]).toEqual([1, 1]);
    expect(res.json().quarantine[0].row).toBe(3);
    const [stored] = await queryRows<{ day: string; capital: number }>(
      h.database.db,
      sql`select data->>'成立日期' as day, (data->>'注册资本')::int as capital from data_rows where ${ofResource()} and key = '91440114MA00000011'`,
    );
    expect(stored).toEqual({ day: "2019-01-02", capital: 111 });
  });

  it("over the limit: 413 with a clear message, for a declared length and for a streamed body", async () => {
    const lines = Array.from({ length: 1200 }, (_, i) => line(1000 + i));
    const big = csv(...lines);
    expect(big.length).toBeGreaterThan(LIMIT);
    const declared = await upload(big, "batchId=big-1");
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error.message).toContain("MB 上限");
    // A body without a length is cut off once it passes the limit.
    const streamed = await upload(Readable.from([big.subarray(0, 40_000), big.subarray(40_000)]), "batchId=big-2");
    expect(streamed.statusCode).toBe(413);
    expect(await count("data_rows")).toBe(4);
  });

  it("empty file or only a header: 400", async () => {
    expect((await upload(Buffer.alloc(0), "batchId=e-1")).statusCode).toBe(400);
    expect((await upload(csv(), "batchId=e-2")).statusCode).toBe(400);
    expect((await upload(Buffer.from([0xff, 0xfe, 0x41]), "batchId=e-3")).json().error.message).toContain("UTF-8");
  });
});

describe("bulk storage", () => {
  it("a batch over one statement's chunk (5,000 rows) is stored whole, a later one replacing rows by key", async () => {
    const rows = (variant: string) =>
      Array.from({ length: 6001 }, (_, i) => ({
        统一社会信用代码: `91440114MB${String(i).padStart(8, "0")}`,
        企业名称: `批量${i}${variant}`,
      }));
    const post = (batchId: string, variant: string) =>
      h.built.app.inject({
        method: "POST",
        url: `/api/data/resources/${code}/batches`,
        headers: authHeaders(officer),
        payload: { batchId, mode: "reject", rows: rows(variant) },
      });
    const before = await count("data_rows");
    expect((await post("bulk-1", "")).statusCode).toBe(201);
    expect((await post("bulk-2", "改")).statusCode).toBe(201);
    expect(await count("data_rows")).toBe((before ?? 0) + 6001);
    const [last] = await queryRows<{ name: string }>(
      h.database.db,
      sql`select data->>'企业名称' as name from data_rows where ${ofResource()} and key = '91440114MB00006000'`,
    );
    expect(last?.name).toBe("批量6000改");
    // A containment query (how the data service filters on other 信息项) finds the replaced row.
    const [found] = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from data_rows where ${ofResource()} and data @> ${JSON.stringify({ 企业名称: "批量42改" })}::jsonb`,
    );
    expect(found?.n).toBe(1);
  });
});

describe("data:write keys", () => {
  const issue = (who: TestUser, unitId: string) =>
    h.built.app.inject({
      method: "POST",
      url: "/api/data/write-keys",
      headers: authHeaders(who),
      payload: { providerUnitId: unitId, name: "企业登记系统" },
    });

  it("the provider's officer issues one (audited); it pushes JSON batches and files of that unit only", async () => {
    const res = await issue(officer, h.tenant.units.a1.id);
    expect(res.statusCode).toBe(201);
    const key = res.json().secret as string;
    const [audit] = await queryRows<{ action: string }>(
      h.database.db,
      sql`select action from audit_log where tenant_id = ${h.tenant.id} and entity_id = ${res.json().keyId}`,
    );
    expect(audit?.action).toBe("api_key.create");
    const pushed = await h.built.app.inject({
      method: "POST",
      url: `/api/data/resources/${code}/batches`,
      headers: { "x-api-key": key },
      payload: {
        batchId: "k-1",
        mode: "reject",
        rows: [{ 统一社会信用代码: "91440114MA00000021", 企业名称: "键入企业" }],
      },
    });
    expect(pushed.statusCode, pushed.body).toBe(201);
    expect(pushed.json().createdBy).toBe("企业登记系统");
    const file = await upload(csv(line(22)), "batchId=k-2", { authorization: `Bearer ${key}` });
    expect(file.statusCode, file.body).toBe(201);

    // A key of another unit does not see the resource; an outsider cannot issue for this unit.
    const other = (await issue(outsider, h.tenant.units.b.id)).json().secret as string;
    const refused = await upload(csv(line(23)), "batchId=k-3", { "x-api-key": other });
    expect(refused.statusCode).toBe(404);
    expect((await issue(outsider, h.tenant.units.a1.id)).statusCode).toBe(404);
    expect((await upload(csv(line(24)), "batchId=k-4", { "x-api-key": "zwk_nope" })).statusCode).toBe(401);
  });

  it("administrators cannot make data:write keys through the general key routes", async () => {
    const admin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["admin"]);
    const res = await h.built.app.inject({
      method: "POST",
      url: "/api/api-keys",
      headers: authHeaders(admin),
      payload: { name: "写入密钥", scopes: ["data:write"] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain("data:write");
  });
});
