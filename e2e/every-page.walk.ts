import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiSignIn, listRoutes, walkApi } from "./api-walk.ts";
import { launchChromium, type RunningServer, startServer } from "./server.ts";
import { DEMO_ROLES, openAndCheck, signInAs, walkMenu, watch } from "./walk.ts";

/**
 * Every page for every role on the loaded demo year (issue 13's acceptance walk), run with
 * `npm run test:walk` (about 6 minutes on two cores, most of it loading the year). A page slower than
 * 3 s names its slowest API calls; the UI is the production build, as users get it.
 */
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(18_188, { demoYear: true });
  await server.waitForOutput("2022 年度业务数据已全部加载", 900_000);
  browser = await launchChromium();
}, 960_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

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
        const problems = await walkMenu(page, server.url, seen.calls);
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
      "/public/data",
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
        problems.push(...(await openAndCheck(page, `${server.url}${path}`, seen.calls)));
      }
      await context.close();
      expect([...problems, ...seen.problems], timezoneId).toEqual([]);
    }
  });
});
