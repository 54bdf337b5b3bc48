import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type RunningServer, startServer } from "./server.ts";

const WAIT = { timeout: 20_000 };
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(18_185);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the self-evaluation report", () => {
  it("the leader approves the evaluation, previews the report, follows a figure to its records and downloads the DOCX", async () => {
    const context = await browser.newContext({ timezoneId: "Asia/Shanghai", locale: "zh-CN", acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByPlaceholder("用户名").fill("leader");
    await page.getByPlaceholder("密码").fill("Zhengwu@2022");
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    const nav = page.getByRole("menu", { name: "主导航" });

    // 绩效自评: the demo year's evaluation waits for the leader's approval.
    await nav.getByRole("link", { name: "绩效自评" }).click();
    await page.getByText("已提交待审定").waitFor(WAIT);
    await page.getByRole("button", { name: "审定", exact: true }).click();
    await page.getByText("校验一致").waitFor(WAIT);
    await expect.poll(() => page.getByText("95 / 优").count(), WAIT).toBe(1);

    // 自评报告: the preview in the seed's structure, every figure a link.
    await nav.getByRole("link", { name: "自评报告" }).click();
    const paper = page.getByRole("document", { name: "报告预览" });
    await paper.getByText("（三）各重点任务项目支出完成情况分析").waitFor(WAIT);
    await expect.poll(() => paper.locator('a.fig[data-key="score.total"]').textContent(), WAIT).toBe("95");
    await page.getByText(/总分 95 分，等级“优”（第 1 版，已审定）/).waitFor(WAIT);
    const budgetFigure = paper.locator('a.fig[data-key="budget.projectBudgetWan"]').first();
    expect(await budgetFigure.textContent()).toBe("7,298.04");

    // Download before leaving the page, then follow the figure to the projects behind it.
    const [download] = await Promise.all([
      page.waitForEvent("download", WAIT),
      page.getByRole("link", { name: /下载 Word/ }).click(),
    ]);
    const file = await download.path();
    const zip = await JSZip.loadAsync(await readFile(file));
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("部门整体支出绩效自评报告");
    expect(xml).toContain("<w:tbl>");
    expect(download.suggestedFilename()).toMatch(/\.docx$/);

    await budgetFigure.click();
    await page.waitForURL(/\/budget\/2022/, WAIT);
    await page.getByRole("cell", { name: "市民广场项目政务综合服务中心大楼建设启动资金" }).first().waitFor(WAIT);
    await context.close();
  });
});
