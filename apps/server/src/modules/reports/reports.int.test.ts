import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { buildCityTicket } from "../../../test/factories/work-order.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders, buildTestApp } from "../../../test/test-app.ts";
import type { Ctx } from "../../platform/actor.ts";
import { systemClock } from "../../platform/clock.ts";
import { loadDemoBudget } from "../demo/demo-budget.ts";
import { checkReportText, extractReportText } from "../report-check/report-check.service.ts";
import { createWorkOrder, toNewTicket } from "../work-orders/intake.service.ts";
import { renderDocx } from "./render-docx.ts";
import { renderText } from "./render-text.ts";
import { buildReportFor } from "./reports.service.ts";

const h = setUpHarness();
let finance: TestUser;
let leader: TestUser;
const YEAR = 2022;
const get = (user: TestUser, url: string) => h.built.app.inject({ url, headers: authHeaders(user) });
const send = (user: TestUser, method: "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
  h.built.app.inject({ method, url, headers: authHeaders(user), ...(payload ? { payload } : {}) });

beforeAll(async () => {
  finance = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["finance_officer"]);
  leader = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["leader"]);
  await loadDemoBudget(h.database.db, systemClock, h.tenant.id, h.tenant.units.a.id, YEAR);
  const sys: Ctx = {
    db: h.database.db,
    actor: { kind: "system", tenantId: h.tenant.id, name: "test" },
    clock: systemClock,
    log: { info: () => {}, warn: () => {}, error: () => {} },
    requestId: randomUUID(),
  };
  for (const receivedAt of ["2022-03-01T10:00:00+08:00", "2022-06-01T10:00:00+08:00", "2022-12-31T23:00:00+08:00"]) {
    await createWorkOrder(sys, toNewTicket(buildCityTicket({ receivedAt })));
  }
  for (const receivedAt of ["2021-05-01T10:00:00+08:00", "2021-12-31T23:59:00+08:00"]) {
    await createWorkOrder(sys, toNewTicket(buildCityTicket({ receivedAt })));
  }
  await createWorkOrder(sys, toNewTicket(buildCityTicket({ receivedAt: "2023-01-01T00:00:00+08:00" })));
});

describe("the self-evaluation workflow", () => {
  it("scores the demo year as the seed does, capping 资金管理 at 16", async () => {
    const [v1] = (await get(finance, `/api/evaluations?year=${YEAR}`)).json();
    const ev = (await get(finance, `/api/evaluations/${v1.id}`)).json();
    expect(ev).toMatchObject({ version: 1, status: "submitted", total: 95, grade: "优" });
    expect(ev.items.find((i: { code: string }) => i.code === "1.2")).toMatchObject({
      score: 16,
      rawSum: 17,
      capped: true,
    });
    // 预算完成率 reads the 决算 支出 as stated (9,167.05), not the project list's sum.
    expect(ev.items.find((i: { code: string }) => i.code === "1.2.2").computation).toContain(
      "执行数 9,167.05 万元 ÷ 预算数 9,187.07 万元 = 99.78%",
    );
  });

  it("approval freezes a hashed snapshot; changes then need a new version, which can be compared", async () => {
    const [v1] = (await get(finance, `/api/evaluations?year=${YEAR}`)).json();
    expect((await send(finance, "POST", `/api/evaluations/${v1.id}/approve`)).statusCode).toBe(403);
    const approved = (await send(leader, "POST", `/api/evaluations/${v1.id}/approve`)).json();
    expect(approved).toMatchObject({ status: "approved", hashValid: true });
    expect(approved.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const frozen = await send(finance, "PUT", `/api/evaluations/${v1.id}/items/1.1.1`, {
      score: 1,
      justification: "目标偏高",
    });
    expect(frozen.statusCode).toBe(409);
    const v2 = (await send(finance, "POST", `/api/evaluations/${v1.id}/revise`)).json();
    expect(v2).toMatchObject({ version: 2, status: "draft", total: 95 });
    expect((await send(finance, "PUT", `/api/evaluations/${v2.id}/items/1.1.1`, { score: 1 })).statusCode).toBe(200);
    const noReason = await send(finance, "PUT", `/api/evaluations/${v2.id}/items/1.1.2`, {
      score: 1,
      justification: "",
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      (await send(finance, "PUT", `/api/evaluations/${v2.id}/items/1.1.1`, { score: 3, justification: "超过分值" }))
        .statusCode,
    ).toBe(400);
    expect(
      (await send(finance, "PUT", `/api/evaluations/${v2.id}/items/1.2.2`, { score: 1, justification: "自动项" }))
        .statusCode,
    ).toBe(400);
    const cmp = (await get(finance, `/api/evaluations/compare?from=${v1.id}&to=${v2.id}`)).json();
    expect(cmp.from).toMatchObject({ version: 1, total: 95 });
    expect(cmp.to).toMatchObject({ version: 2, total: 94 });
    expect(cmp.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: "1.1.1", field: "score", before: "2", after: "1" })]),
    );
    // The approved version is still what it was, and tampering with its snapshot shows.
    expect((await get(finance, `/api/evaluations/${v1.id}`)).json()).toMatchObject({ status: "approved", total: 95 });
    await h.database.db.execute(
      sql`update self_evaluations set snapshot = jsonb_set(snapshot, '{total}', '99') where id = ${v1.id}`,
    );
    expect((await get(finance, `/api/evaluations/${v1.id}`)).json().hashValid).toBe(false);
  });
});

describe("the report", () => {
  it("computes every figure from the records (budget, scores, hotline with YoY)", async () => {
    const r = (await get(leader, `/api/reports/${YEAR}`)).json();
    const v = (k: string) => r.figures[k]?.value;
    expect(v("budget.projects")).toBe(25);
    expect(v("budget.level1Projects")).toBe(4);
    expect(v("budget.projectBudgetWan")).toBe(7298.04);
    expect(v("budget.basicExpenditureWan")).toBe(1889.03);
    expect(v("budget.revenueWan")).toBe(9167.05);
    expect(v("budget.projectExecutionRate")).toBe(1);
    expect(v("hotline.tickets")).toBe(3);
    expect(v("hotline.yoyGrowth")).toBe(0.5);
    expect(r.scores).toMatchObject({ version: 1, status: "approved", total: 95, grade: "优" });
    expect(r.html).toContain('data-key="hotline.tickets"');
    expect(r.html).toContain('href="/work-orders?kind=hotline');
    expect(r.html).toContain("（二）各项工作任务绩效目标完成情况分析");
  });

  it("states the 决算 totals as entered, warns about the list that does not add up, and contradicts itself nowhere", async () => {
    const doc = await buildReportFor(h.database.db, systemClock, h.tenant.id, YEAR);
    const text = renderText(doc);
    // The seed's own figures: 收入 = 支出 = 9,167.05, 项目支出 7,278.02 (its 25 projects add up to 7,298.04).
    expect(text).toContain("总收入 9,167.05 万元，其中财政拨款收入 9,167.05 万元");
    expect(text).toContain("总支出 9,167.05 万元，其中基本支出 1,889.03 万元，项目支出 7,278.02 万元");
    expect(text).toContain("共涉及资金 7,278.02 万元");
    expect(text).not.toContain("9,187.07 万元，其中");
    // The list's own sum is never given as if it were the 项目支出: the gap is said in so many words.
    expect(text).toContain(
      "以上 25 个项目年度预算数合计 7,298.04 万元，预算完成数合计 7,298.04 万元，与决算项目支出 7,278.02 万元相差 20.02 万元。",
    );
    expect(doc.warnings.filter((w) => w.startsWith("决算数据不一致"))).toEqual([
      "决算数据不一致：25 个二级项目预算完成数合计 7,298.04 万元 ≠ 决算项目支出 7,278.02 万元，相差 20.02 万元。报告按决算报表填报数陈述，请核实后更正预算数据或决算数",
    ]);
    expect(checkReportText(text)).toEqual([]);
    const y = (await get(finance, `/api/budget/years/${YEAR}`)).json();
    expect(y.summary.identityBreaks).toEqual([
      expect.objectContaining({ key: "project_list", differenceFen: 20_020_000 }),
    ]);
  });

  it("follows the data: a changed execution changes the report", async () => {
    const y = (await get(finance, `/api/budget/years/${YEAR}`)).json();
    const p = y.projects.find((x: { level: number }) => x.level === 2);
    const { id, executionRate: _r, indicators, ...input } = p;
    const res = await send(finance, "PUT", `/api/budget/projects/${id}`, {
      ...input,
      executedFen: input.budgetFen - 1_000_000,
      indicators: indicators.map(({ id: _i, met: _m, ...i }: { id: string; met: boolean }) => i),
    });
    expect(res.statusCode).toBe(200);
    const r = (await get(leader, `/api/reports/${YEAR}`)).json();
    expect(r.figures["budget.projectExecutionRate"].value).toBeLessThan(1);
    expect(r.figures["budget.projectListExecutedWan"].value).toBe(7297.04);
    // The books stay as stated; the widened gap shows in the warnings.
    expect(r.figures["budget.projectExpenditureWan"].value).toBe(7278.02);
    expect(r.warnings.join("")).toContain("相差 19.02 万元");
  });

  it("narrative placeholders must name a computable figure", async () => {
    const bad = await send(finance, "PUT", `/api/reports/${YEAR}/paragraphs/management.summary`, {
      text: "共 {{budget.nope}} 个",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toContain("budget.nope");
    const ok = await send(finance, "PUT", `/api/reports/${YEAR}/paragraphs/management.summary`, {
      text: "本年度共设绩效指标 {{budget.indicators}} 个。",
    });
    expect(ok.statusCode).toBe(200);
    expect((await get(leader, `/api/reports/${YEAR}`)).json().html).toContain(
      '本年度共设绩效指标 <a class="fig" data-key="budget.indicators"',
    );
    expect(
      (await send(leader, "PUT", `/api/reports/${YEAR}/paragraphs/management.summary`, { text: "x" })).statusCode,
    ).toBe(403);
    await send(finance, "DELETE", `/api/reports/${YEAR}/paragraphs/management.summary`);
    expect((await get(leader, `/api/reports/${YEAR}`)).json().html).not.toContain("本年度共设绩效指标");
  });

  it("marks facts entered by staff and lists their sources", async () => {
    const fact = await send(finance, "POST", `/api/budget/years/${YEAR}/facts`, {
      key: "serverRooms",
      label: "集约化机房",
      value: 3,
      unit: "个",
      sourceNote: "区信息技术中心机房台账",
    });
    expect(fact.statusCode).toBe(201);
    await send(finance, "PUT", `/api/reports/${YEAR}/paragraphs/measures.text`, {
      text: "全区已整合机房 {{fact.serverRooms}} 个，下一步继续推进集约化。",
    });
    const r = (await get(leader, `/api/reports/${YEAR}`)).json();
    expect(r.figures["fact.serverRooms"]).toMatchObject({ value: 3, manual: true });
    expect(r.html).toContain('class="fig manual" data-key="fact.serverRooms"');
    expect(r.html).toContain("3※");
    expect(r.html).toContain("附：人工登记的绩效事实");
    expect(r.html).toContain("区信息技术中心机房台账");
    // The demo's own facts (758 internet exits…) are in the appendix with their sources too.
    expect(r.html).toContain('data-key="fact.internetExits"');
    await send(finance, "DELETE", `/api/reports/${YEAR}/paragraphs/measures.text`);
    // A fact no paragraph uses is not listed.
    expect((await get(leader, `/api/reports/${YEAR}`)).json().html).not.toContain("区信息技术中心机房台账");
  });

  it("writes a 公文-style DOCX: A4 margins, headings, 仿宋 body and a project table", async () => {
    const res = await get(leader, `/api/reports/${YEAR}/report.docx`);
    expect(res.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    const styles = (await zip.file("word/styles.xml")?.async("string")) ?? "";
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"/);
    expect(xml).toMatch(/w:left="1587"/);
    expect((xml.match(/<w:pStyle w:val="Heading1"\/>/g) ?? []).length).toBe(4);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain("<w:tbl>");
    expect(xml).toContain("部门整体支出绩效自评报告");
    expect(xml).toContain("（三）各重点任务项目支出完成情况分析");
  });

  it("finds no contradiction in the report it builds (text and DOCX), and checks uploaded reports", async () => {
    const doc = await buildReportFor(h.database.db, systemClock, h.tenant.id, YEAR);
    const text = renderText(doc);
    expect(checkReportText(text)).toEqual([]);
    const docx = await renderDocx(doc);
    expect(checkReportText(await extractReportText(new Uint8Array(docx), "r.docx"))).toEqual([]);
    // The cap note only excuses the sum it names.
    const tampered = text.replace(/各项得分合计 17 分/, "各项得分合计 18 分");
    expect(tampered).not.toBe(text);
    expect(checkReportText(tampered).map((f) => f.kind)).toContain("cap_exceeded");
    const upload = (body: Buffer | string, type: string, fileName: string) =>
      h.built.app.inject({
        method: "POST",
        url: `/api/reports/check?fileName=${encodeURIComponent(fileName)}`,
        headers: { ...authHeaders(leader), "content-type": type },
        payload: body,
      });
    const seed = readFileSync(new URL("../report-check/fixtures/seed-report.txt", import.meta.url), "utf8");
    const seedRes = await upload(seed, "text/plain; charset=utf-8", "seed.txt");
    expect(seedRes.statusCode).toBe(200);
    expect(
      seedRes
        .json()
        .findings.map((f: { kind: string }) => f.kind)
        .sort(),
    ).toEqual([
      "cap_exceeded",
      "duplicate_sentence",
      "numbering",
      "numbering",
      "score_sum_mismatch",
      "sum_mismatch",
      "unit_mismatch",
    ]);
    const ours = await upload(
      docx,
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "ours.docx",
    );
    expect(ours.json()).toMatchObject({ fileName: "ours.docx", findings: [] });
    const doc97 = await upload(
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      "application/octet-stream",
      "old.doc",
    );
    expect(doc97.statusCode).toBe(400);
    expect(doc97.json().error.message).toMatch(/doc/i);
  });

  it("answers PDF with a clear message when LibreOffice cannot run", async () => {
    const { app } = await buildTestApp(h.database, systemClock, { ZHENGWU_SOFFICE: "/nonexistent/soffice" });
    try {
      const res = await app.inject({ url: `/api/reports/${YEAR}/report.pdf`, headers: authHeaders(leader) });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.message).toContain("LibreOffice");
    } finally {
      await app.close();
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
    const res = await get(leader, `/api/reports/${YEAR}/report.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("is 404 for a year without data or out of scope", async () => {
    expect((await get(leader, "/api/reports/2019")).statusCode).toBe(404);
    const outsider = await buildUser(h.database.db, h.tenant.id, h.tenant.units.b.id, ["finance_officer"]);
    expect((await get(outsider, `/api/reports/${YEAR}`)).statusCode).toBe(404);
  });
});
