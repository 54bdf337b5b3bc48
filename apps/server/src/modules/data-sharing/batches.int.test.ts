import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { resourceInput } from "../../../test/factories/data-resource.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { canonicalJson } from "../audit/audit-hash.ts";

const h = setUpHarness();
let officer: TestUser;
let outsider: TestUser;
let code: string;

const call = (who: TestUser, method: "GET" | "POST", url: string, payload?: object) =>
  h.built.app.inject({ method, url, headers: authHeaders(who), ...(payload ? { payload } : {}) });
const batch = (payload: object, who = officer) => call(who, "POST", `/api/data/resources/${code}/batches`, payload);

const good = (n: number) => ({
  统一社会信用代码: `91440114MA${String(n).padStart(8, "0")}`,
  企业名称: `花都测试企业${n}`,
  法定代表人: "张三",
  注册资本: 100 + n,
  成立日期: "2020-05-01",
  登记状态: "存续",
});

beforeAll(async () => {
  officer = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["data_officer"]);
  outsider = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b.id, ["data_officer"]);
  const input = resourceInput(h.tenant.units.a1.id);
  code = input.code;
  expect((await call(officer, "POST", "/api/data/resources", input)).statusCode).toBe(201);
});

const storedRows = async () =>
  (
    await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from data_rows r join data_resources d on d.id = r.resource_id where d.code = ${code}`,
    )
  )[0]?.n;

describe("data batches", () => {
  it("mode reject: one bad row refuses the whole batch with row and column errors in Chinese, nothing written", async () => {
    const rows = [
      good(1),
      { ...good(2), 注册资本: "很多", 登记状态: "歇业" },
      { ...good(3), 企业名称: "", 未知列: "x" },
      good(1),
    ];
    const res = await batch({ batchId: "r-1", mode: "reject", rows });
    expect(res.statusCode).toBe(422);
    const details = res.json().error.details as Array<{ row: number; column: string; message: string; path: string }>;
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: 2,
          column: "注册资本",
          message: "第 2 行“注册资本”：应为数值型",
          path: "rows.1.注册资本",
        }),
        expect.objectContaining({ row: 2, column: "登记状态" }),
        expect.objectContaining({ row: 3, column: "企业名称", message: "第 3 行“企业名称”：必填项为空" }),
        expect.objectContaining({ row: 3, column: "未知列" }),
        expect.objectContaining({
          row: 4,
          column: "统一社会信用代码",
          message: "第 4 行“统一社会信用代码”：关键信息项与第 1 行重复",
        }),
      ]),
    );
    expect(res.json().error.message).toContain("整批未接收");
    expect(await storedRows()).toBe(0);
    expect((await call(officer, "GET", `/api/data/resources/${code}/batches`)).json().total).toBe(0);
  });

  it("mode quarantine: good rows stored, bad ones listed; counts and checksum recorded", async () => {
    const rows = [good(1), good(2), { ...good(3), 成立日期: "2020-02-30" }, { ...good(4), 企业名称: "很".repeat(101) }];
    const res = await batch({ batchId: "q-1", mode: "quarantine", rows });
    expect(res.statusCode).toBe(201);
    const b = res.json();
    expect([b.received, b.accepted, b.quarantined]).toEqual([4, 2, 2]);
    expect(b.quarantine.map((q: { row: number }) => q.row)).toEqual([3, 4]);
    expect(b.quarantine[1].errors[0]).toEqual({ column: "企业名称", message: "长度 101 超过 100" });
    expect(b.checksum).toBe(createHash("sha256").update(canonicalJson(rows)).digest("hex"));
    expect(await storedRows()).toBe(2);
  });

  it("is idempotent by batch id: the same answer, no double count; other content under the same id is 409", async () => {
    const payload = { batchId: "q-2", mode: "quarantine", rows: [good(5), good(6)] };
    const first = await batch(payload);
    const again = await batch(payload);
    expect(again.statusCode).toBe(first.statusCode);
    expect(again.json()).toEqual(first.json());
    expect(again.headers["idempotent-replay"]).toBe("true");
    const reused = await batch({ ...payload, rows: [good(7)] });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.message).toContain("批次号 q-2 已于");

    const registered = { batchId: "sync-2022-01", rowCount: 1_000_000, checksum: "a".repeat(64) };
    expect((await batch(registered)).statusCode).toBe(201);
    expect((await batch(registered)).json().accepted).toBe(1_000_000);
    const list = (await call(officer, "GET", `/api/data/resources/${code}/batches`)).json();
    // 2 (q-1) + 2 (q-2) + 1,000,000 registered, each counted once.
    expect(list.aggregatedRows).toBe(1_000_004);
    expect(list.total).toBe(3);
    expect((await call(officer, "GET", `/api/data/resources/${code}`)).json().aggregatedRows).toBe(1_000_004);
    expect(await storedRows()).toBe(4);
  });

  it("quality: completeness per field, duplicate keys, lateness against the update cycle", async () => {
    await batch({ batchId: "q-3", mode: "quarantine", rows: [{ ...good(8), 法定代表人: null }, good(8)] });
    const q = (await call(officer, "GET", `/api/data/resources/${code}/quality`)).json();
    expect(q.storedRows).toBe(5);
    const rep = q.completeness.find((c: { field: string }) => c.field === "法定代表人");
    expect(rep).toEqual({ field: "法定代表人", filled: 4, ratio: 0.8 });
    expect(q.duplicateKeys).toBe(1);
    expect(q.quarantinedRows).toBe(3);
    expect(q.late).toBe(false);
    expect(q.updateCycle).toBe("daily");
  });

  it("only the provider's officers push batches; others get 404", async () => {
    expect((await batch({ batchId: "x", rowCount: 1, checksum: "b".repeat(64) }, outsider)).statusCode).toBe(404);
    expect((await call(outsider, "GET", `/api/data/resources/${code}/quality`)).statusCode).toBe(404);
    const malformed = await batch({ batchId: "x y", rows: [] });
    expect(malformed.statusCode).toBe(400);
  });
});
