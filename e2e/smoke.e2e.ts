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

  it("signs in and out without a request the browser reports as failed (no 401 before or after the session)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const failed: string[] = [];
    page.on("response", (r) => {
      if (r.status() >= 400) {
        failed.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
      }
    });
    page.on("console", (m) => {
      if (m.type() === "error") {
        failed.push(`console: ${m.text()}`);
      }
    });
    await page.goto(`${server.url}/login`);
    await page.waitForLoadState("networkidle");
    await page.getByPlaceholder("用户名").fill("admin");
    await page.getByPlaceholder("密码").fill("Zhengwu@2022");
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    // A signed-in browser coming back is still recognised (the session is asked for, and answers).
    await page.goto(`${server.url}/org`);
    await page.getByTestId("org-tree").waitFor();
    await page.getByTestId("user-menu").click();
    await page.getByText("退出登录").click();
    await page.waitForURL(/\/login/);
    await page.waitForLoadState("networkidle");
    await page.goto(`${server.url}/login`);
    await page.waitForLoadState("networkidle");
    await context.close();
    expect(failed).toEqual([]);
  });

  it("serves the production build of the UI (a test run's build must not ship React's development code)", async () => {
    const html = await (await fetch(`${server.url}/login`)).text();
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      const js = await (await fetch(`${server.url}${src}`)).text();
      // A message only React's development build carries.
      expect(js.includes("Each child in a list should have a unique"), src).toBe(false);
    }
  });
});
