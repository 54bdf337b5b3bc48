import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { freshResourceCode, resourceInput } from "../../../test/factories/data-resource.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { FIELD_SHEET, RESOURCE_SHEET } from "./resources-spreadsheet.ts";

const h = setUpHarness();
let officer: TestUser;
let outsider: TestUser;
const codes: string[] = [];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const exportBook = async (who = officer) => {
  const res = await h.built.app.inject({ url: "/api/data/resources/export.xlsx", headers: authHeaders(who) });
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
};
const importBook = async (wb: ExcelJS.Workbook, who = officer, dryRun = false) =>
  h.built.app.inject({
    method: "POST",
    url: `/api/data/resources/import?dryRun=${dryRun}`,
    headers: { ...authHeaders(who), "content-type": XLSX },
    payload: Buffer.from(await wb.xlsx.writeBuffer()),
  });

/** The cell of a resource's row (by code) under a header. */
function cellOf(sheet: ExcelJS.Worksheet, code: string, header: string, nth = 0): ExcelJS.Cell {
  let col = 0;
  sheet.getRow(1).eachCell((c, n) => {
    if (c.value === header) {
      col = n;
    }
  });
  const rows: number[] = [];
  sheet.eachRow((r, n) => {
    if (r.getCell(1).value === code) {
      rows.push(n);
    }
  });
  expect(col, header).toBeGreaterThan(0);
  expect(rows.length, code).toBeGreaterThan(nth);
  return sheet.getRow(rows[nth] ?? 0).getCell(col);
}

const versions = async () =>
  (
    await queryRows<{ code: string; version: number; name: string }>(
      h.database.db,
      sql`select code, version, name from data_resources where tenant_id = ${h.tenant.id} order by code`,
    )
  ).map((r) => `${r.code}:${r.version}:${r.name}`);

beforeAll(async () => {
  officer = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["data_officer"]);
  outsider = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b.id, ["data_officer"]);
  for (const unit of [h.tenant.units.a1, h.tenant.units.a]) {
    const input = resourceInput(unit.id);
    codes.push(input.code);
    const res = await h.built.app.inject({
      method: "POST",
      url: "/api/data/resources",
      headers: authHeaders(officer),
      payload: input,
    });
    expect(res.statusCode).toBe(201);
  }
});

describe("data resource catalog workbook", () => {
  it("export → import unchanged: nothing written; one edited cell: one new version, audited", async () => {
    const before = await versions();
    const wb = await exportBook();
    const fields = wb.getWorksheet(FIELD_SHEET);
    expect(cellOf(fields as ExcelJS.Worksheet, codes[0] ?? "", "代码表", 5).value).toBe("存续、注销、吊销");
    const same = await importBook(wb);
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toMatchObject({ resources: 2, fields: 12, created: 0, changed: 0, unchanged: 2 });
    expect(await versions()).toEqual(before);

    const edited = await exportBook();
    cellOf(edited.getWorksheet(RESOURCE_SHEET) as ExcelJS.Worksheet, codes[0] ?? "", "资源名称").value =
      "企业登记信息（2023版）";
    const check = await importBook(edited, officer, true);
    expect(check.json()).toMatchObject({ dryRun: true, changed: 1, unchanged: 1 });
    expect(await versions()).toEqual(before);
    const res = await importBook(edited);
    expect(res.json()).toMatchObject({ dryRun: false, changed: 1, unchanged: 1 });
    const history = await h.built.app.inject({
      url: `/api/data/resources/${codes[0]}/versions`,
      headers: authHeaders(officer),
    });
    expect(history.json().items.map((v: { version: number }) => v.version)).toEqual(expect.arrayContaining([1, 2]));
    const [audit] = await queryRows<{ n: number }>(
      h.database.db,
      sql`select count(*)::int as n from audit_log where tenant_id = ${h.tenant.id} and action = 'data_resource.import'`,
    );
    expect(audit?.n).toBe(1);
  });

  it("查询条件 round-trips; a workbook made before the column existed still imports (read as 否)", async () => {
    const wb = await exportBook();
    const fields = wb.getWorksheet(FIELD_SHEET) as ExcelJS.Worksheet;
    // 登记状态 is the sixth 信息项 of the first resource.
    expect(cellOf(fields, codes[0] ?? "", "查询条件", 5).value).toBe("否");
    cellOf(fields, codes[0] ?? "", "查询条件", 5).value = "是";
    const res = await importBook(wb);
    expect(res.json()).toMatchObject({ changed: 1 });
    const resource = await h.built.app.inject({
      url: `/api/data/resources/${codes[0]}`,
      headers: authHeaders(officer),
    });
    expect(
      resource
        .json()
        .fields.filter((f: { query: boolean }) => f.query)
        .map((f: { name: string }) => f.name),
    ).toEqual(["登记状态"]);
    // An older workbook: no 查询条件 column at all; read as 否 everywhere, so the resource changes back.
    const old = await exportBook();
    const sheet = old.getWorksheet(FIELD_SHEET) as ExcelJS.Worksheet;
    sheet.spliceColumns(sheet.getRow(1).cellCount, 1);
    const back = await importBook(old);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ changed: 1, unchanged: 1 });
  });

  it("a bad cell: 422 naming its sheet, row and column in Chinese, nothing written (not even the good rows)", async () => {
    const before = await versions();
    const wb = await exportBook();
    const rs = wb.getWorksheet(RESOURCE_SHEET) as ExcelJS.Worksheet;
    cellOf(rs, codes[0] ?? "", "资源名称").value = "应当不被写入的名称";
    const bad = cellOf(rs, codes[1] ?? "", "更新周期");
    bad.value = "每秒";
    cellOf(wb.getWorksheet(FIELD_SHEET) as ExcelJS.Worksheet, codes[1] ?? "", "长度", 1).value = "很长";
    const res = await importBook(wb);
    expect(res.statusCode).toBe(422);
    const details = res.json().error.details as Array<{ sheet: string; row: number; column: string; message: string }>;
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: "信息资源", row: Number(bad.row), column: "更新周期" }),
        expect.objectContaining({ sheet: "信息项", column: "长度", message: "“很长”不是整数" }),
      ]),
    );
    expect(res.json().error.message).toContain(`信息资源表第 ${bad.row} 行“更新周期”`);
    expect(await versions()).toEqual(before);
  });

  it("creates new resources from new rows; another unit's officer cannot change ours", async () => {
    const wb = await exportBook();
    const rs = wb.getWorksheet(RESOURCE_SHEET) as ExcelJS.Worksheet;
    const fs = wb.getWorksheet(FIELD_SHEET) as ExcelJS.Worksheet;
    const code = freshResourceCode();
    const template = rs.getRow(2).values as ExcelJS.CellValue[];
    rs.addRow([code, "新登记的资源", ...template.slice(3)]);
    fs.addRow([code, "名称", "C", 50, "是", "是", "否", ""]);
    const res = await importBook(wb);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1 });
    expect(await versions()).toContain(`${code}:1:新登记的资源`);

    const theirs = await exportBook(outsider);
    expect((theirs.getWorksheet(RESOURCE_SHEET) as ExcelJS.Worksheet).rowCount).toBe(1);
    const forged = await exportBook();
    cellOf(forged.getWorksheet(RESOURCE_SHEET) as ExcelJS.Worksheet, code, "资源名称").value = "被篡改";
    const refused = await importBook(forged, outsider);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details[0]).toMatchObject({
      column: "资源代码",
      message: "该资源代码已被您无权维护的资源使用",
    });
  });

  it("not a workbook, or one without the sheets: 400", async () => {
    const res = await h.built.app.inject({
      method: "POST",
      url: "/api/data/resources/import",
      headers: { ...authHeaders(officer), "content-type": XLSX },
      payload: Buffer.from("not a zip"),
    });
    expect(res.statusCode).toBe(400);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("其他");
    expect((await importBook(wb)).json().error.message).toContain("缺少工作表");
  });
});
