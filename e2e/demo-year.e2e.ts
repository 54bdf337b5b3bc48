import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type RunningServer, startServer } from "./server.ts";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(18_187, { demoYear: true });
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the demo year on a first start", () => {
  it("the dispatcher signs in while the year loads and then sees 2022's 187,454 hotline tickets", {
    timeout: 600_000,
  }, async () => {
    const page = await (await browser.newContext({ timezoneId: "Asia/Shanghai", locale: "zh-CN" })).newPage();
    // Signing in works before the year has finished loading: the server answers meanwhile.
    await page.goto(`${server.url}/login`, { timeout: 90_000 });
    await page.getByPlaceholder("用户名").fill("dispatcher");
    await page.getByPlaceholder("密码").fill("Zhengwu@2022");
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: 60_000 });
    await server.waitForOutput("2022 年度业务数据已全部加载", 480_000);
    const from = encodeURIComponent("2022-01-01T00:00:00+08:00");
    const to = encodeURIComponent("2023-01-01T00:00:00+08:00");
    await page.goto(`${server.url}/work-orders?kind=hotline&from=${from}&to=${to}`);
    await page.getByText("共 187454 条").waitFor({ timeout: 30_000 });
    expect(await page.getByRole("row").count()).toBeGreaterThan(5);
  });
});
