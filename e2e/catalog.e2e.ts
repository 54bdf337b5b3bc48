import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PublicItemGuideSchema } from "../packages/contracts/src/catalog-public.ts";
import { launchChromium, type RunningServer, startServer } from "./server.ts";

const WAIT = { timeout: 20_000 };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(18_189);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("public catalog: search and read a guide", () => {
  it("a citizen finds 食品经营许可 by a part of its name and reads which materials need not be submitted", async () => {
    const context = await browser.newContext({ timezoneId: "Asia/Shanghai", locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${server.url}/public/catalog`);
    await page.getByRole("heading", { name: "政务服务事项查询" }).waitFor(WAIT);
    await page.getByLabel("搜索事项").fill("食品经营");
    await page.getByLabel("搜索事项").press("Enter");
    await page.getByText("“食品经营”：共").waitFor(WAIT);
    const summary = await page.getByText("“食品经营”：共").textContent();
    expect(Number(/共 (\d+) 项/.exec(summary ?? "")?.[1])).toBeGreaterThan(1);

    await page.getByRole("link", { name: "食品经营许可", exact: true }).click();
    await page.getByRole("heading", { name: "办事指南：食品经营许可" }).waitFor(WAIT);
    await page.getByRole("columnheader", { name: "如何提供" }).waitFor(WAIT);
    const rows = page.locator(".ant-table-tbody tr");
    expect(await rows.count()).toBeGreaterThan(1);
    // What the guide must show, from the public API: each exempt material with its data source.
    const code = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
    const guide = PublicItemGuideSchema.parse(
      await (await fetch(`${server.url}/api/public/catalog/items/${encodeURIComponent(code)}?tenant=440114`)).json(),
    );
    expect(await rows.count()).toBe(guide.materials.length);
    const exempt = guide.materials.filter((m) => m.source === "shared_data");
    await expect.poll(() => page.getByText("免提交", { exact: true }).count(), WAIT).toBe(exempt.length);
    for (const m of exempt) {
      await page.getByText(`由部门通过数据共享获取：${m.exemptDataSource}`).first().waitFor(WAIT);
    }
    await expect.poll(() => rows.first().textContent(), WAIT).toContain("申请表");
    await context.close();
  });

  it("the catalog manager reads 2022's rates and follows 容缺受理事项 to the 240 items and one item's history", async () => {
    const context = await browser.newContext({ timezoneId: "Asia/Shanghai", locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByPlaceholder("用户名").fill("catalog");
    await page.getByPlaceholder("密码").fill("Zhengwu@2022");
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    await page.goto(`${server.url}/catalog/metrics?asOf=2022-12-31&groupBy=department`);
    await page.getByText("56.93%").waitFor(WAIT);
    await page.getByText("30.60%").waitFor(WAIT);
    await page.getByText("容缺受理事项").click();
    await page.waitForURL(/\/catalog\?/, WAIT);
    await page.getByText("共 240 项（截至 2022-12-31）").waitFor(WAIT);
    await page.locator(".ant-table-tbody tr a").first().click();
    await page.waitForURL(/\/catalog\/items\//, WAIT);
    await page.getByText("版本历史").waitFor(WAIT);
    await page.getByText(/第 1 版 · /).waitFor(WAIT);
    await context.close();
  });
});
