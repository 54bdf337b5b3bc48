import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemInput } from "../../../test/factories/catalog-item.factory.ts";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { openTestDatabase } from "../../../test/test-db.ts";
import { type Ctx, silentLogger } from "../../platform/actor.ts";
import type { Database } from "../../platform/db/client.ts";
import { createItem, findItems, getItem } from "./catalog.service.ts";
import { ITEM_SHEET, MATERIAL_SHEET } from "./catalog-columns.ts";
import { exportCatalog, importCatalog } from "./catalog-spreadsheet.ts";

let database: Database;
let tenant: TestTenant;
let now = new Date("2022-04-01T02:00:00Z");
const clock = { now: () => new Date(now) };

function manager(): Ctx {
  const unit = tenant.units.root;
  return {
    db: database.db,
    clock,
    log: silentLogger,
    requestId: "t",
    actor: {
      kind: "user",
      tenantId: tenant.id,
      userId: "00000000-0000-4000-8000-000000000001",
      username: "catalog",
      displayName: "事项管理员",
      grants: [
        {
          id: "00000000-0000-4000-8000-000000000002",
          role: "catalog_manager",
          orgUnitId: unit.id,
          orgUnitName: unit.name,
          path: unit.path,
        },
      ],
      csrfToken: "x",
    },
  };
}

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}
const bytes = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** The column number of a header in a sheet's first row. */
function col(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((c, n) => {
    if (c.value === header) {
      found = n;
    }
  });
  expect(found, header).toBeGreaterThan(0);
  return found;
}

const versions = async (ctx: Ctx) =>
  (await findItems(ctx, { page: 1, pageSize: 200 })).items.map((i) => `${i.code}@${i.version}`);

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await buildTenant(database.db);
  const ctx = manager();
  const main = await createItem(
    ctx,
    itemInput(tenant.units.a1.id, { code: "XK-001", crossRegionScopes: ["province"] }),
  );
  await createItem(
    ctx,
    itemInput(tenant.units.a1.id, {
      code: "XK-001-01",
      level: "sub",
      parentCode: main.code,
      name: "食品经营许可（新办）",
    }),
  );
  await createItem(
    ctx,
    itemInput(tenant.units.b1.id, {
      code: "GG-002",
      type: "public_service",
      keywords: "",
      fees: "",
      materials: [],
      bookableTown: true,
      bookableVillage: true,
    }),
  );
});
afterAll(async () => {
  await database.close();
});

describe("catalog Excel round trip", () => {
  it("export → import changes nothing", async () => {
    const ctx = manager();
    const before = await versions(ctx);
    now = new Date("2022-05-01T02:00:00Z");
    const result = await importCatalog(ctx, await exportCatalog(ctx), false);
    expect(result).toMatchObject({ items: 3, materials: 4, created: 0, changed: 0, unchanged: 3, errors: [] });
    expect(await versions(ctx)).toEqual(before);
  });

  it("reports every bad cell by sheet, row and column in Chinese and writes nothing", async () => {
    const ctx = manager();
    const wb = await workbook(await exportCatalog(ctx));
    const is = wb.getWorksheet(ITEM_SHEET);
    const ms = wb.getWorksheet(MATERIAL_SHEET);
    if (!is || !ms) {
      throw new Error("sheets missing");
    }
    // Rows by code: 2 GG-002, 3 XK-001, 4 XK-001-01; material rows 2–3 are XK-001's.
    is.getRow(3).getCell(col(is, "承诺办结时限（工作日）")).value = 4; // a valid change on row 3…
    is.getRow(2).getCell(col(is, "镇街大厅可预约")).value = "可以";
    is.getRow(4).getCell(col(is, "主管部门")).value = "不存在的局";
    ms.getRow(2).getCell(col(ms, "可容缺")).value = "是"; // a required material cannot be deferred
    ms.addRow(["NO-SUCH", "身份证", "原件", 1, "申请人自备", "", "是", "否", "A", "", ""]);
    const result = await importCatalog(ctx, await bytes(wb), false);
    expect(result.errors).toEqual([
      { sheet: ITEM_SHEET, row: 2, column: "镇街大厅可预约", message: "须填“是”或“否”" },
      { sheet: ITEM_SHEET, row: 4, column: "主管部门", message: "部门“不存在的局”不存在或不在您的管辖范围内" },
      { sheet: MATERIAL_SHEET, row: 2, column: "可容缺", message: "必要材料不能容缺，只有次要材料可以容缺" },
      { sheet: MATERIAL_SHEET, row: 6, column: "事项编码", message: `事项 NO-SUCH 不在“${ITEM_SHEET}”表中` },
    ]);
    const first = (await findItems(ctx, { q: "XK-001", page: 1, pageSize: 10 })).items.find((i) => i.code === "XK-001");
    expect([first?.version, first?.promisedLimitDays]).toEqual([1, 5]); // …not written: all or nothing
  });

  it("a dry run reports what would change; the real run writes a version per changed item", async () => {
    const ctx = manager();
    const wb = await workbook(await exportCatalog(ctx));
    const is = wb.getWorksheet(ITEM_SHEET);
    if (!is) {
      throw new Error("sheet missing");
    }
    is.getRow(2).getCell(col(is, "跨域通办")).value = "跨省通办、全国通办";
    is.addRow(["XK-002", "新增事项", "主项", "", "行政许可", tenant.units.a1.name, "区局", "某条例", "区级", 10, 5]);
    const dry = await importCatalog(ctx, await bytes(wb), true);
    expect(dry).toMatchObject({ dryRun: true, created: 0, changed: 1 });
    expect(dry.errors.map((e) => `${e.row}:${e.column}`)).toEqual([
      "5:跑动次数",
      "5:网办深度",
      "5:依申请事项",
      "5:已减材料",
      "5:镇街大厅可预约",
      "5:村居站点可预约",
      "5:容缺受理清单",
      "5:政策兑现事项",
    ]);
    is.spliceRows(5, 1);
    const dry2 = await importCatalog(ctx, await bytes(wb), true);
    expect(dry2).toMatchObject({ created: 0, changed: 1, unchanged: 2, errors: [] });
    expect(await versions(ctx)).toContain("GG-002@1");
    now = new Date("2022-06-01T02:00:00Z");
    const real = await importCatalog(ctx, await bytes(wb), false);
    expect(real).toMatchObject({ dryRun: false, changed: 1, errors: [] });
    const items = await findItems(ctx, { q: "GG-002", page: 1, pageSize: 10 });
    const gg = items.items[0];
    expect([gg?.version, gg?.crossRegionScopes]).toEqual([2, ["inter_province", "national"]]);
    expect((await getItem(ctx, gg?.id ?? "", "2022-05-31")).crossRegionScopes).toEqual([]);
  });
});
