import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";

const h = setUpHarness();
let finance: TestUser;
let outsider: TestUser;
let leader: TestUser;
const YEAR = 2022;
const WAN = 1_000_000;

const yearBody = (orgUnitId: string) => ({
  orgUnitId,
  revenues: [{ source: "fiscal_appropriation", budgetFen: 900 * WAN, actualFen: 910 * WAN }],
  basicBudgetFen: 300 * WAN,
  basicExecutedFen: 290 * WAN,
  publicFundsBudgetFen: 20 * WAN,
  publicFundsActualFen: 18 * WAN,
  threePublicBudgetFen: 2 * WAN,
  threePublicActualFen: 1 * WAN,
  procurementPlanFen: 100 * WAN,
  procurementActualFen: 80 * WAN,
  fixedAssetsTotalFen: 50 * WAN,
  fixedAssetsInUseFen: 50 * WAN,
});

async function workbook(projects: unknown[][], indicators: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ps = wb.addWorksheet("预算项目");
  ps.addRow([
    "项目编码",
    "项目名称",
    "级次",
    "上级项目编码",
    "资金性质",
    "年初预算数（万元）",
    "调整数（万元）",
    "执行数（万元）",
    "结转结余（万元）",
  ]);
  for (const p of projects) {
    ps.addRow(p);
  }
  const is = wb.addWorksheet("绩效指标");
  is.addRow(["项目编码", "指标类别", "指标名称", "比较方式", "指标值", "计量单位", "实际完成值"]);
  for (const i of indicators) {
    is.addRow(i);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const upload = (user: TestUser, body: Buffer, dryRun: boolean) =>
  h.built.app.inject({
    method: "POST",
    url: `/api/budget/years/${YEAR}/import?dryRun=${dryRun}`,
    headers: { ...authHeaders(user), "content-type": XLSX },
    payload: body,
  });

beforeAll(async () => {
  finance = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["finance_officer"]);
  outsider = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b.id, ["finance_officer"]);
  leader = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["leader"]);
  const res = await h.built.app.inject({
    method: "PUT",
    url: `/api/budget/years/${YEAR}`,
    headers: authHeaders(finance),
    payload: yearBody(h.tenant.units.a.id),
  });
  expect(res.statusCode).toBe(200);
});

describe("budget year", () => {
  it("computes totals from its rows; out of scope is 404, a reader cannot write", async () => {
    const y = (await h.built.app.inject({ url: `/api/budget/years/${YEAR}`, headers: authHeaders(leader) })).json();
    expect(y.summary).toMatchObject({
      fiscalActualFen: 910 * WAN,
      basicExecutedFen: 290 * WAN,
      expenditureFen: 290 * WAN,
      level2Projects: 0,
    });
    expect(y.canEdit).toBe(false);
    expect(
      (await h.built.app.inject({ url: `/api/budget/years/${YEAR}`, headers: authHeaders(outsider) })).statusCode,
    ).toBe(404);
    const write = await h.built.app.inject({
      method: "PUT",
      url: `/api/budget/years/${YEAR}`,
      headers: authHeaders(leader),
      payload: yearBody(h.tenant.units.a.id),
    });
    expect(write.statusCode).toBe(403);
  });

  it("rejects a negative amount with the field named", async () => {
    const res = await h.built.app.inject({
      method: "PUT",
      url: `/api/budget/years/${YEAR}`,
      headers: authHeaders(finance),
      payload: { ...yearBody(h.tenant.units.a.id), basicExecutedFen: -1 },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain("basicExecutedFen");
  });
});

describe("Excel import of the budget and indicator sheets", () => {
  const good = () =>
    workbook(
      [
        ["P1", "信息化运维", 1, "", "一般公共预算", "0", "0", "0", "0"],
        ["P1-01", "网络租赁", 2, "P1", "一般公共预算", "228.38", "0", "228.38", "0"],
        ["P1-02", "机房维保", 2, "P1", "一般公共预算", "100.005", "-0.005", "90", "10"],
      ],
      [
        ["P1-01", "产出-数量", "出口带宽", ">=", 10, "Gbps", 40],
        ["P1-02", "满意度", "用户满意度", ">=", 90, "%", 85],
      ],
    );

  it("reports every bad row with its sheet, row and field, and writes nothing", async () => {
    const bad = await workbook(
      [
        ["P1-01", "网络租赁", 2, "", "一般公共预算", "22x", "0", "1", "0"],
        ["P1-01", "", 3, "", "一般公共预算", "1", "0", "1", "0"],
      ],
      [["NOPE", "产出-数量", "x", "~", "a", "", ""]],
    );
    const res = await upload(finance, bad, false);
    expect(res.statusCode).toBe(200);
    const errors = res.json().errors as Array<{ sheet: string; row: number; field: string }>;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: "预算项目", row: 2, field: "年初预算数（万元）" }),
        expect.objectContaining({ sheet: "预算项目", row: 3, field: "项目名称" }),
        expect.objectContaining({ sheet: "预算项目", row: 3, field: "级次" }),
        expect.objectContaining({ sheet: "绩效指标", row: 2, field: "项目编码" }),
      ]),
    );
    const y = (await h.built.app.inject({ url: `/api/budget/years/${YEAR}`, headers: authHeaders(finance) })).json();
    expect(y.projects).toHaveLength(0);
  });

  it("dry run checks only; the real import writes projects, indicators and computed rates", async () => {
    const body = await good();
    const dry = (await upload(finance, body, true)).json();
    expect(dry).toMatchObject({ dryRun: true, projects: 3, indicators: 2, errors: [] });
    expect(
      (await h.built.app.inject({ url: `/api/budget/years/${YEAR}`, headers: authHeaders(finance) })).json().projects,
    ).toHaveLength(0);
    expect((await upload(finance, body, false)).json()).toMatchObject({ dryRun: false, projects: 3, errors: [] });
    const y = (await h.built.app.inject({ url: `/api/budget/years/${YEAR}`, headers: authHeaders(finance) })).json();
    expect(y.summary).toMatchObject({
      level1Projects: 1,
      level2Projects: 2,
      projectBudgetFen: 328_380_000,
      projectExecutedFen: 318_380_000,
      carryOverFen: 10 * WAN,
      indicators: 2,
      indicatorsMet: 1,
    });
    const p2 = y.projects.find((p: { code: string }) => p.code === "P1-02");
    expect(p2).toMatchObject({ budgetFen: 100_005_000, adjustmentFen: -5000, executionRate: 0.9 });
    expect(p2.indicators[0]).toMatchObject({ met: false, actual: 85 });
  });

  it("round-trips: export → import changes nothing", async () => {
    const before = (
      await h.built.app.inject({ url: `/api/budget/years/${YEAR}`, headers: authHeaders(finance) })
    ).json();
    const exported = await h.built.app.inject({
      url: `/api/budget/years/${YEAR}/export.xlsx`,
      headers: authHeaders(finance),
    });
    expect(exported.statusCode).toBe(200);
    expect((await upload(finance, exported.rawPayload, false)).json().errors).toEqual([]);
    const after = (
      await h.built.app.inject({ url: `/api/budget/years/${YEAR}`, headers: authHeaders(finance) })
    ).json();
    const strip = (y: typeof before) =>
      y.projects.map((p: { id: string; indicators: Array<{ id: string }> }) => ({
        ...p,
        id: undefined,
        indicators: p.indicators.map((i) => ({ ...i, id: undefined })),
      }));
    expect(strip(after)).toEqual(strip(before));
    expect(after.summary).toEqual(before.summary);
  });

  it("refuses .xls and other files clearly", async () => {
    const res = await upload(finance, Buffer.from("not a workbook"), true);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(".xlsx");
  });
});

describe("the 决算 statement kept as entered", () => {
  const put = (body: object) =>
    h.built.app.inject({
      method: "PUT",
      url: `/api/budget/years/${YEAR}`,
      headers: authHeaders(finance),
      payload: body,
    });
  const read = async () =>
    (await h.built.app.inject({ url: `/api/budget/years/${YEAR}`, headers: authHeaders(finance) })).json();
  const finals = {
    finalRevenueFen: 910 * WAN,
    finalOpeningBalanceFen: 5 * WAN,
    finalExpenditureFen: 600 * WAN,
    finalBasicFen: 290 * WAN,
    finalProjectFen: 300 * WAN,
    finalClosingBalanceFen: 20 * WAN,
  };

  it("stores the totals beside the projects and lists every identity that fails, with its difference", async () => {
    expect((await put({ ...yearBody(h.tenant.units.a.id), ...finals })).statusCode).toBe(200);
    const y = await read();
    expect(y).toMatchObject(finals);
    // The imported projects executed 228.38 + 90 = 318.38 万元.
    expect(y.summary.projectExecutedFen).toBe(318_380_000);
    const breaks = y.summary.identityBreaks as Array<{ key: string; message: string; differenceFen: number }>;
    expect(breaks.map((b) => [b.key, b.differenceFen])).toEqual([
      ["project_list", 18_380_000],
      ["basic_plus_project", -10 * WAN],
      ["balance", 295 * WAN],
    ]);
    expect(breaks[0]?.message).toBe(
      "2 个二级项目预算完成数合计 318.38 万元 ≠ 决算项目支出 300.00 万元，相差 18.38 万元",
    );
    // Not entered is not zero: a statement without totals has nothing to contradict.
    expect((await put(yearBody(h.tenant.units.a.id))).statusCode).toBe(200);
    expect((await read()).summary.identityBreaks).toEqual([]);
  });

  it("a statement that holds gives no warning, and an Excel import of the projects keeps it", async () => {
    const holding = {
      ...finals,
      finalProjectFen: 318_380_000,
      finalExpenditureFen: 608_380_000,
      finalClosingBalanceFen: 306_620_000,
    };
    expect((await put({ ...yearBody(h.tenant.units.a.id), ...holding })).statusCode).toBe(200);
    expect((await read()).summary.identityBreaks).toEqual([]);
    const exported = await h.built.app.inject({
      url: `/api/budget/years/${YEAR}/export.xlsx`,
      headers: authHeaders(finance),
    });
    expect((await upload(finance, exported.rawPayload, false)).json().errors).toEqual([]);
    expect(await read()).toMatchObject(holding);
  });
});

describe("the 决算 sheet of the Excel workbook", () => {
  it("exports the statement, and an import sets it from the sheet; a bad row is reported with its field", async () => {
    const exported = await h.built.app.inject({
      url: `/api/budget/years/${YEAR}/export.xlsx`,
      headers: authHeaders(finance),
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("决算报表");
    if (!sheet) {
      throw new Error("no 决算报表 sheet");
    }
    expect(sheet.getRow(6).values).toEqual([undefined, "决算项目支出", "318.38"]);
    sheet.getRow(6).getCell(2).value = "300.00";
    sheet.getRow(2).getCell(2).value = "";
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await upload(finance, edited, false)).json().errors).toEqual([]);
    const y = (await h.built.app.inject({ url: `/api/budget/years/${YEAR}`, headers: authHeaders(finance) })).json();
    expect(y).toMatchObject({ finalProjectFen: 300 * WAN, finalRevenueFen: null });
    expect(y.summary.identityBreaks.map((b: { key: string }) => b.key)).toContain("project_list");
    sheet.getRow(3).getCell(1).value = "年初结余";
    sheet.getRow(4).getCell(2).value = "-1";
    const bad = (await upload(finance, Buffer.from(await wb.xlsx.writeBuffer()), true)).json();
    expect(bad.errors).toEqual([
      expect.objectContaining({ sheet: "决算报表", row: 3, field: "项目" }),
      expect.objectContaining({ sheet: "决算报表", row: 4, field: "金额（万元）" }),
    ]);
  });
});

describe("other performance facts", () => {
  it("keeps the source note and evidence, downloadable only in scope", async () => {
    const res = await h.built.app.inject({
      method: "POST",
      url: `/api/budget/years/${YEAR}/facts`,
      headers: authHeaders(finance),
      payload: {
        key: "internetExits",
        label: "互联网出口",
        value: 758,
        unit: "个",
        sourceNote: "区信息技术中心网络台账（2022-12）",
        evidence: { name: "台账.txt", type: "text/html", base64: Buffer.from("758").toString("base64") },
      },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const file = await h.built.app.inject({ url: `/api/budget/facts/${id}/evidence`, headers: authHeaders(leader) });
    expect(file.body).toBe("758");
    expect(file.headers["content-type"]).toBe("application/octet-stream");
    expect(
      (await h.built.app.inject({ url: `/api/budget/facts/${id}/evidence`, headers: authHeaders(outsider) }))
        .statusCode,
    ).toBe(404);
    const dup = await h.built.app.inject({
      method: "POST",
      url: `/api/budget/years/${YEAR}/facts`,
      headers: authHeaders(finance),
      payload: { key: "internetExits", label: "x", value: 1, sourceNote: "重复" },
    });
    expect(dup.statusCode).toBe(409);
  });
});
