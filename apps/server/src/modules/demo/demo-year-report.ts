import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { htmlText } from "../report-check/extract-html.ts";
import { checkReportText, extractReportText } from "../report-check/report-check.service.ts";
import { readSeed } from "../report-check/test-reports.ts";
import { figureCoverage, normalizeForFigures } from "../reports/figure-coverage.ts";
import { renderDocx } from "../reports/render-docx.ts";
import { renderHtml } from "../reports/render-html.ts";
import { renderText } from "../reports/render-text.ts";
import { blockText, type ReportDoc } from "../reports/report-model.ts";

/*
 * The demo report's checks, run by demo-year.int.test.ts on the year it loads (the load takes
 * minutes, so the checks share it rather than load their own).
 */

const FACTS = fileURLToPath(new URL("../../../../../data/seed/huadu-2022-facts.json", import.meta.url));

/** Every number of the facts file's figures (strings such as "45.19万次" or ">1100" read as their number). */
function factNumbers(v: unknown): number[] {
  if (typeof v === "number") {
    return [v];
  }
  if (typeof v === "string") {
    const m = /\d+(?:\.\d+)?/.exec(v.replace(/,/g, ""));
    return m && !/^\d{4}-\d{2}/.test(v) ? [Number(m[0])] : [];
  }
  return v && typeof v === "object" ? Object.values(v).flatMap(factNumbers) : [];
}

/** Warnings, the data-sharing figures when loaded, and no finding of `report check` in text, HTML or Word. */
export async function expectReportWhole(db: Db, report: ReportDoc) {
  // Every paragraph of the template found its figures; the seed's own gap is the only warning.
  expect(report.warnings).toEqual([
    "决算数据不一致：25 个二级项目预算完成数合计 7,298.04 万元 ≠ 决算项目支出 7,278.02 万元，相差 20.02 万元。报告按决算报表填报数陈述，请核实后更正预算数据或决算数",
  ]);
  // 一网统管's data figures are computed from the data-sharing module's demo records.
  const [batches] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from data_batches`);
  expect(batches?.n ?? 0).toBeGreaterThan(0);
  expect(report.figures["data.systemsOnCloud"]?.value).toBe(109);
  expect(report.figures["data.villageCategories"]?.value).toBe(20);
  const aggregated = report.figures["data.aggregatedRows"]?.value ?? 0;
  expect(aggregated >= 2.1e9 && aggregated < 2.105e9).toBe(true);
  const shared = report.figures["data.sharedRows"]?.value ?? 0;
  expect(shared > 1e9 && shared < 1.05e9).toBe(true);
  const text = renderText(report);
  expect(text).toContain("21 亿");
  expect(text).toContain("109 个");
  // The report built from the year contradicts itself nowhere, in any of its formats.
  expect(checkReportText(renderText(report))).toEqual([]);
  expect(checkReportText(htmlText(renderHtml(report)))).toEqual([]);
  const docx = await renderDocx(report);
  expect(checkReportText(await extractReportText(new Uint8Array(docx), "report.docx"))).toEqual([]);
}

/** The seed's figures, the 决算 totals, the gap warned, prose scores, the ※ appendix and the sign-off. */
export function expectReportCoversSeed(report: ReportDoc) {
  const text = renderText(report);
  const coverage = figureCoverage(readSeed(), text);
  // What is left out is wrong or not ours to state: the seed's "7,278.02 元" (a slip for 万元), its
  // 管理效能 "44 分" (its items add up to 45), the 9 units (one was moved out in 2021: the org tree has 8).
  console.info(
    `seed figures in the demo report: ${coverage.found.length} of ${coverage.total}; missing ${coverage.missing.join(" ")}`,
  );
  expect(coverage.found.length / coverage.total).toBeGreaterThanOrEqual(0.9);
  // The facts file's figures (the seed's own transcription) appear as numbers in the text.
  const numbers = new Set(
    normalizeForFigures(text)
      .match(/\d+(?:\.\d+)?/g)
      ?.map(Number) ?? [],
  );
  const stated = factNumbers(JSON.parse(readFileSync(FACTS, "utf8")).figures);
  const present = stated.filter((n) => numbers.has(n));
  expect(present.length / stated.length).toBeGreaterThanOrEqual(0.9);
  expect(text).toContain("年度总收入 9,167.05 万元，其中财政拨款收入 9,167.05 万元");
  expect(text).toContain("总支出 9,167.05 万元，其中基本支出 1,889.03 万元，项目支出 7,278.02 万元");
  expect(text).toContain(
    "（一）决算数据与明细记录不一致。25 个二级项目预算完成数合计 7,298.04 万元，与决算项目支出 7,278.02 万元不一致，相差 20.02 万元",
  );
  // Score explanations in prose, no formula.
  expect(text).toMatch(
    /预算完成率为 [\d.]+%（执行数 [\d,.]+ 万元，预算数 [\d,.]+ 万元），处于 90%–100% 区间，自评得分 4 分/,
  );
  expect(text).not.toMatch(/ = |÷/);
  // The ※ appendix lists the registered facts with their sources; the sign-off closes the text.
  expect(text).toContain("附：人工登记的绩效事实（文中标※的数字）");
  expect(report.figures["fact.internetExits"]).toMatchObject({ value: 758, manual: true });
  const last = report.blocks.filter((b) => b.kind === "paragraph").slice(-2);
  expect(last.map((b) => (b.kind === "paragraph" ? blockText(b.runs) : ""))).toEqual([
    "广州市花都区政务服务数据管理局",
    "2026 年 12 月 7 日",
  ]);
}
