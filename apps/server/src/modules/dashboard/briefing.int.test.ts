import { execFileSync } from "node:child_process";
import { sql } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Briefing } from "../../../../../packages/contracts/src/briefings.ts";
import { sendAppealWeeks } from "../../../test/factories/appeal-tickets.factory.ts";
import { buildTownAndVillage } from "../../../test/factories/place.factory.ts";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { buildCityTicket } from "../../../test/factories/work-order.factory.ts";
import { authHeaders, buildTestApp } from "../../../test/test-app.ts";
import { openTestDatabase } from "../../../test/test-db.ts";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { issueApiKey } from "../api-keys/api-keys.service.ts";

let database: Database;
let tenant: TestTenant;
let built: Awaited<ReturnType<typeof buildTestApp>>;
let leader: TestUser;
let handler: TestUser;
const clock = { now: () => new Date("2022-04-11T02:00:00Z") };
const REPEAT_PHONE = "13912340001";
const CALLER = "王小明";
const SLOW_PHONE = "13512340009";

const _day = (monday: string, plus: number) =>
  new Date(Date.parse(`${monday}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await buildTenant(database.db);
  built = await buildTestApp(database, clock);
  const { townCode } = await buildTownAndVillage(database.db, tenant);
  const key = (
    await issueApiKey(
      { db: database.db, tenantId: tenant.id, orgUnitId: tenant.units.root.id, createdBy: "t" },
      { name: "市平台", scopes: ["tickets:write"] },
    )
  ).secret;
  leader = await buildUser(database.db, tenant.id, tenant.units.root.id, ["leader"]);
  handler = await buildUser(database.db, tenant.id, tenant.units.root.id, ["handler"]);
  const send = async (over: Parameters<typeof buildCityTicket>[0]) => {
    const res = await built.app.inject({
      method: "POST",
      url: "/api/intake/city-tickets",
      headers: { "x-api-key": key },
      payload: buildCityTicket({ callerName: CALLER, ...over }),
    });
    expect(res.statusCode).toBe(201);
  };
  await sendAppealWeeks(send, townCode, REPEAT_PHONE);
  // One number calling about noise three times in three weeks: a repeat caller only over 30 days.
  for (const receivedAt of ["2022-02-28T20:00:00+08:00", "2022-03-03T20:00:00+08:00", "2022-03-16T20:00:00+08:00"]) {
    await send({ receivedAt, callerPhone: SLOW_PHONE });
  }
}, 180_000);
afterAll(async () => {
  await built.app.close();
  await database.close();
});

const get = (user: TestUser, url: string) => built.app.inject({ url, headers: authHeaders(user) });
const direct = async (from: string, to: string) => {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from work_orders where tenant_id = ${tenant.id}
        and received_at >= ${`${from}T00:00:00+08:00`}::timestamptz and received_at < ${`${to}T00:00:00+08:00`}::timestamptz`,
  );
  return Number(row?.n);
};

describe("诉求分析简报", () => {
  it("builds the weekly briefing whose figures equal direct counts and whose listed SQL gives them", async () => {
    const res = await get(leader, "/api/dashboard/briefings?from=2022-03-14&to=2022-03-20");
    expect(res.statusCode).toBe(200);
    const b: Briefing = res.json();
    expect(b).toMatchObject({ kind: "weekly", from: "2022-03-14", to: "2022-03-20" });
    expect(b.title).toContain("诉求分析周报");
    expect(b.previous).toEqual({ from: "2022-03-07", to: "2022-03-13" });
    expect(b.figures.tickets?.value).toBe(await direct("2022-03-14", "2022-03-21"));
    expect(b.figures.tickets?.value).toBe(16);
    expect(b.figures.previousTickets?.value).toBe(await direct("2022-03-07", "2022-03-14"));
    expect(b.figures.change?.value).toBe(433.33);
    // Each figure's SQL, run as listed, gives its value.
    for (const key of ["tickets", "previousTickets"]) {
      const f = b.figures[key];
      const [row] = await queryRows<{ n: number }>(database.db, sql.raw(f?.sql ?? "select null as n"));
      expect(Number(row?.n), key).toBe(f?.value);
    }
    const term = (t: string) => b.tables.terms?.rows.find((r) => r[0] === t)?.[1];
    const [stream] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from work_orders where tenant_id = ${tenant.id} and '河涌' = any(keywords)
          and received_at >= '2022-03-14T00:00:00+08:00' and received_at < '2022-03-21T00:00:00+08:00'`,
    );
    expect(term("河涌")).toBe(Number(stream?.n));
    expect(term("河涌")).toBe(12);
    const rising = b.tables.rising?.rows ?? [];
    expect(rising.some((r) => r[1] === "河涌" && r[2] === 12)).toBe(true);
    expect(rising.some((r) => r[1] === "路灯")).toBe(false);
    expect(b.figures.risingTopics?.definition).toContain("泊松");
    expect(b.tables.hotSpots?.rows[0]).toEqual(expect.arrayContaining(["岭南镇", "东岭村", 12]));
    // Repeat calls within the 30 days the week ends, masked: the slow caller's first two fell before it.
    expect(b.figures.repeatCallers?.definition).toContain("2022-02-19 至 2022-03-20");
    expect(b.tables.repeatCallers?.rows).toEqual([
      ["139****0001", 4, expect.any(String)],
      ["135****0009", 3, expect.any(String)],
    ]);
    expect(b.tables.towns?.rows.find((r) => r[0] === "岭南镇")?.[1]).toBe(12);
    const daily = b.tables.daily?.rows ?? [];
    expect(daily.reduce((s, r) => s + Number(r[2]), 0)).toBe(16);
    expect(daily.reduce((s, r) => s + Number(r[4]), 0)).toBe(3);
    expect(b.sections.map((s) => s.heading)).toEqual(
      expect.arrayContaining(["一、总体情况", "三、上升话题", "六、镇（街）与承办单位"]),
    );
    expect(b.sections[0]?.paragraphs[0]).toContain("共受理群众诉求工单 16 件");
    for (const secret of [REPEAT_PHONE, SLOW_PHONE, CALLER]) {
      expect(res.body).not.toContain(secret);
    }
  });

  it("builds the monthly briefing against the previous calendar month", async () => {
    const res = await get(leader, "/api/dashboard/briefings?from=2022-03-01&to=2022-03-31");
    expect(res.statusCode).toBe(200);
    const b: Briefing = res.json();
    expect(b).toMatchObject({ kind: "monthly", previous: { from: "2022-02-01", to: "2022-02-28" } });
    expect(b.title).toContain("2022年3月");
    expect(b.figures.tickets?.value).toBe(await direct("2022-03-01", "2022-04-01"));
    expect(b.figures.previousTickets?.value).toBe(await direct("2022-02-01", "2022-03-01"));
    const categories = b.tables.categories?.rows ?? [];
    expect(categories.reduce((s, r) => s + Number(r[1]), 0)).toBe(b.figures.tickets?.value);
    expect(b.tables.rising?.columns).toContain("前 8 期件数");
  });

  it("renders Word in the 公文 layout with the section headings and the charts as SVG with a PNG fallback", async () => {
    const res = await get(leader, "/api/dashboard/briefings?from=2022-03-14&to=2022-03-20&format=docx");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("wordprocessingml");
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    for (const heading of [
      "一、总体情况",
      "二、热点主题与诉求类别",
      "三、上升话题",
      "四、诉求聚集点",
      "五、重复来电",
    ]) {
      expect(xml).toContain(heading);
    }
    expect(xml).toContain("仿宋_GB2312");
    expect(xml).not.toContain(REPEAT_PHONE);
    expect(xml).not.toContain(CALLER);
    const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/"));
    const pngs = media.filter((f) => f.endsWith(".png"));
    expect(pngs.length).toBeGreaterThanOrEqual(4);
    expect(media.some((f) => f.endsWith(".svg"))).toBe(true);
    const png = (await zip.file(pngs[0] ?? "")?.async("nodebuffer")) ?? Buffer.alloc(0);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  });

  it("answers long, reversed and empty periods, bad formats and other roles clearly, never 5xx", async () => {
    const long = await get(leader, "/api/dashboard/briefings?from=2019-01-01&to=2022-12-31");
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toContain("不能超过 3 年");
    const reversed = await get(leader, "/api/dashboard/briefings?from=2022-03-20&to=2022-03-14");
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toContain("结束日期");
    const format = await get(leader, "/api/dashboard/briefings?from=2022-03-14&to=2022-03-20&format=xls");
    expect(format.statusCode).toBe(400);
    expect(format.json().error.message).toContain("json、docx 或 pdf");
    const empty = await get(leader, "/api/dashboard/briefings?from=2021-01-04&to=2021-01-10");
    expect(empty.statusCode).toBe(200);
    expect(empty.json().figures.tickets.value).toBe(0);
    expect(empty.json().warnings[0]).toContain("没有受理工单");
    const emptyDocx = await get(leader, "/api/dashboard/briefings?from=2021-01-04&to=2021-01-10&format=docx");
    expect(emptyDocx.statusCode).toBe(200);
    expect((await get(handler, "/api/dashboard/briefings?from=2022-03-14&to=2022-03-20")).statusCode).toBe(403);
  });

  it("answers PDF with a clear message when LibreOffice cannot run", async () => {
    const other = await buildTestApp(database, clock, { ZHENGWU_SOFFICE: "/nonexistent/soffice" });
    try {
      const res = await other.app.inject({
        url: "/api/dashboard/briefings?from=2022-03-14&to=2022-03-20&format=pdf",
        headers: authHeaders(leader),
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.message).toContain("LibreOffice");
    } finally {
      await other.app.close();
    }
  });

  const hasSoffice = (() => {
    try {
      execFileSync("soffice", ["--version"], { stdio: "ignore", timeout: 30_000 });
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!hasSoffice)("converts to PDF through LibreOffice when installed", { timeout: 120_000 }, async () => {
    const res = await get(leader, "/api/dashboard/briefings?from=2022-03-14&to=2022-03-20&format=pdf");
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });
});
