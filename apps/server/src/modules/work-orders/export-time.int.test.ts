import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { buildCityTicket } from "../../../test/factories/work-order.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { issueApiKey } from "../api-keys/api-keys.service.ts";

const h = setUpHarness();
let dispatcher: TestUser;
let key: string;

beforeAll(async () => {
  key = (
    await issueApiKey(
      { db: h.database.db, tenantId: h.tenant.id, orgUnitId: h.tenant.units.root.id, createdBy: "t" },
      { name: "市平台", scopes: ["tickets:write"] },
    )
  ).secret;
  dispatcher = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["dispatcher"]);
});

describe("work-order export times", () => {
  it("writes 受理时间 as Beijing local time like the other time columns, and the import reads it back", async () => {
    const ticket = buildCityTicket({ receivedAt: "2022-01-01T05:01:00.000Z" });
    const created = await h.built.app.inject({
      method: "POST",
      url: "/api/intake/city-tickets",
      headers: { "x-api-key": key },
      payload: ticket,
    });
    expect(created.statusCode, created.body).toBeLessThan(300);
    const xlsx = await h.built.app.inject({ url: "/api/work-orders/export.xlsx", headers: authHeaders(dispatcher) });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    if (!sheet) {
      throw new Error("no sheet");
    }
    const cell = (name: string) => {
      let col = 0;
      sheet.getRow(1).eachCell((c, i) => {
        col = c.text === name ? i : col;
      });
      return sheet.getRow(2).getCell(col).text;
    };
    expect(cell("受理时间")).toBe("2022-01-01 13:01:00");
    expect(cell("办理期限")).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    const again = await h.built.app.inject({
      method: "POST",
      url: "/api/work-orders/import?dryRun=true",
      headers: {
        ...authHeaders(dispatcher),
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
      payload: xlsx.rawPayload,
    });
    expect(again.statusCode, again.body).toBe(200);
    // The import reads the local time back (the row itself differs: the export masks the caller).
    const errors: { field: string }[] = again.json().errors;
    expect(errors.filter((e) => e.field === "受理时间")).toEqual([]);
  });
});
