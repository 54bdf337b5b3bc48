import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiSignIn, listRoutes, walkApi } from "./api-walk.ts";
import { launchChromium, type RunningServer, startServer } from "./server.ts";
import { DEMO_ROLES, openAndSettle, rawTextOn, SETTLE_LIMIT_MS, signInAs, walkMenu, watch } from "./walk.ts";

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

/** The demo year stays loaded from the test above: every role, every page, every list, on it. */
describe("every page and every list for every role on the demo year", () => {
  it("every GET list route answers every role 200 (or 403/404 where the role has no business)", {
    timeout: 300_000,
  }, async () => {
    const routes = await listRoutes(server.url);
    expect(routes.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const { username } of DEMO_ROLES) {
      const r = await walkApi(server.url, await apiSignIn(server.url, username), routes);
      problems.push(...r.problems.map((p) => `${username} ${p}`));
      if (r.ok === 0) {
        problems.push(`${username}: no list answered 200`);
      }
    }
    expect(problems).toEqual([]);
  });

  for (const { username, timezoneId } of DEMO_ROLES) {
    it(`${username} (browser in ${timezoneId}) opens every menu page and the first record of each list`, {
      timeout: 300_000,
    }, async () => {
      const { context, page, seen } = await signInAs(browser, server.url, username, timezoneId);
      try {
        const problems = await walkMenu(page, server.url);
        expect([...problems, ...seen.problems]).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("every public page works without signing in, in both time zones", { timeout: 300_000 }, async () => {
    const halls = (await (await fetch(`${server.url}/api/public/halls?tenant=440114`)).json()) as {
      items?: Array<{ id: string }>;
    };
    const items = (await (await fetch(`${server.url}/api/public/catalog/items?tenant=440114&limit=1`)).json()) as {
      items?: Array<{ code: string }>;
    };
    const bundles = (await (await fetch(`${server.url}/api/public/catalog/bundles?tenant=440114`)).json()) as {
      items?: Array<{ code: string }>;
    };
    const pages = [
      "/public/track",
      "/public/rate",
      "/public/ratings",
      "/public/appointments",
      "/public/catalog",
      "/public/catalog/bundles",
      `/public/catalog/items/${items.items?.[0]?.code ?? ""}`,
      `/public/catalog/bundles/${bundles.items?.[0]?.code ?? ""}`,
      `/public/halls/${halls.items?.[0]?.id ?? ""}/board`,
    ];
    for (const timezoneId of ["UTC", "Asia/Shanghai"]) {
      const context = await browser.newContext({ timezoneId, locale: "zh-CN" });
      const page = await context.newPage();
      const seen = watch(page);
      const problems: string[] = [];
      for (const path of pages) {
        const ms = await openAndSettle(page, `${server.url}${path}`);
        if (ms > SETTLE_LIMIT_MS) {
          problems.push(`${path}: settled in ${ms} ms`);
        }
        problems.push(...(await rawTextOn(page)).map((p) => `${path}: ${p}`));
      }
      await context.close();
      expect([...problems, ...seen.problems], timezoneId).toEqual([]);
    }
  });
});
