import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type RunningServer, startServer } from "./server.ts";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(18_181);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("smoke: sign in and see the org tree", () => {
  it("signs in as the administrator and finds 花都区 with its towns", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/org`);
    await page.waitForURL(/\/login/);
    await page.getByPlaceholder("用户名").fill("admin");
    await page.getByPlaceholder("密码").fill("Zhengwu@2022");
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/org/);
    const tree = page.getByTestId("org-tree");
    await expect.poll(async () => tree.textContent(), { timeout: 15_000 }).toContain("花都区");
    for (const town of ["新华街道", "狮岭镇", "花山镇"]) {
      expect(await tree.textContent()).toContain(town);
    }
    // A deep link reloads into the single-page app, not an error.
    await page.reload();
    await expect.poll(async () => page.getByTestId("org-tree").textContent(), { timeout: 15_000 }).toContain("狮岭镇");
    await page.screenshot({ path: ".tmp/e2e-org-tree.png", fullPage: true });
  });

  it("shows a handler a menu without administration entries", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByPlaceholder("用户名").fill("handler");
    await page.getByPlaceholder("密码").fill("Zhengwu@2022");
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    await expect
      .poll(async () => page.getByRole("menu").first().textContent(), { timeout: 15_000 })
      .toContain("组织机构");
    const menu = (await page.getByRole("menu").first().textContent()) ?? "";
    expect(menu).not.toContain("用户与角色");
    expect(menu).not.toContain("审计日志");
  });

  it("refuses a wrong password with the server's message", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByPlaceholder("用户名").fill("admin");
    await page.getByPlaceholder("密码").fill("wrong-password-1");
    await page.getByRole("button", { name: "登录" }).click();
    await expect.poll(async () => page.textContent("body"), { timeout: 10_000 }).toContain("用户名或密码错误");
  });
});
