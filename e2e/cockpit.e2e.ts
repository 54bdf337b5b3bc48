import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type RunningServer, startServer } from "./server.ts";

/*
 * The cockpit and the 诉求分析 page in a browser: tickets sent in through the city platform's intake
 * (two received forty days ago, past its close-by time), then the leader's cockpit counts them and each
 * tile opens the list that holds exactly them; a hot topic opens its tickets.
 */
const WAIT = { timeout: 30_000 };
const PASSWORD = "Zhengwu@2022";
let server: RunningServer;
let browser: Browser;

async function signIn(username: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const me = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie, csrf: me.csrfToken };
}

/** The list's own page of tickets, not the queue tabs' counts (asked with pageSize=1). */
const isList = (url: string) => url.includes("/api/work-orders?") && url.endsWith("&page=1&pageSize=20");
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();

beforeAll(async () => {
  server = await startServer(18_196);
  browser = await launchChromium();
  const admin = await signIn("admin");
  const headers = { "content-type": "application/json", cookie: admin.cookie, "x-csrf-token": admin.csrf };
  const key = (await (
    await fetch(`${server.url}/api/api-keys`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "市平台", scopes: ["tickets:write"] }),
    })
  ).json()) as { secret: string };
  const tree = (await (await fetch(`${server.url}/api/org/tree`, { headers })).json()) as {
    units: Array<{ kind: string; code: string | null; name: string }>;
  };
  const town = tree.units.find((u) => u.kind === "town" && u.code?.length === 9);
  for (const [n, receivedAt] of [day(-40), day(-40), day(0)].entries()) {
    const res = await fetch(`${server.url}/api/intake/city-tickets`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": key.secret },
      body: JSON.stringify({
        cityTicketNo: `GZE2ECOCKPIT${n}`,
        receivedAt,
        kind: "hotline",
        category: "complaint",
        urgency: "normal",
        channel: "city_12345",
        title: "小区夜间施工噪音扰民",
        content: `工地夜间施工噪音很大（第${n}件）`,
        callerPhone: "13800138000",
        townCode: town?.code ?? undefined,
        campaignTags: [],
      }),
    });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("领导驾驶舱 and 诉求分析", () => {
  it("the leader's cockpit counts the overdue tickets, and the tile and the town open exactly them", async () => {
    const context = await browser.newContext({
      timezoneId: "UTC",
      locale: "zh-CN",
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByPlaceholder("用户名").fill("leader");
    await page.getByPlaceholder("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    await page.getByRole("menu", { name: "主导航" }).getByRole("link", { name: "领导驾驶舱" }).click();
    const overdue = page.getByRole("link", { name: /^超期工单 \d+，查看清单$/ });
    await overdue.waitFor(WAIT);
    expect(await overdue.getAttribute("aria-label")).toBe("超期工单 2，查看清单");
    expect(await page.getByText("示意图，非地理边界", { exact: false }).count()).toBe(1);
    // No page scroll on a 1440×900 screen.
    const size = await page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.scrollHeight,
    ]);
    expect(size).toEqual([1440, 900]);

    const list = page.waitForResponse((r) => isList(r.url()) && r.url().includes("queue=overdue"));
    await overdue.click();
    const body = (await (await list).json()) as { total: number };
    expect(body.total).toBe(2);
    expect(new URL(page.url()).search).toBe("?queue=overdue");

    await page.goBack();
    const town = page.getByRole("link", { name: /：在办 3 件，超期 2 件/ });
    await town.waitFor(WAIT);
    const townList = page.waitForResponse(
      (r) => isList(r.url()) && r.url().includes("queue=overdue") && r.url().includes("townId="),
    );
    await town.click();
    expect(((await (await townList).json()) as { total: number }).total).toBe(2);

    // The cockpit has no side menu; its back button returns to the workbench.
    await page.goBack();
    await page.getByRole("button", { name: "返回工作台" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    await context.close();
  });

  it("诉求分析 opens a hot topic's tickets and says in Chinese why a period is refused", async () => {
    const context = await browser.newContext({ timezoneId: "Asia/Shanghai", locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByPlaceholder("用户名").fill("leader");
    await page.getByPlaceholder("密码").fill(PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    const from = day(-50).slice(0, 10);
    const to = day(1).slice(0, 10);
    await page.goto(`${server.url}/appeals?from=${from}&to=${to}`);
    await page.getByText("共 3 件工单", { exact: false }).waitFor(WAIT);
    // The chart's table view holds the same figures, each a button that opens its tickets.
    const card = page.locator(".ant-card").filter({ hasText: "诉求类别" });
    await card.getByText("表格").click();
    const list = page.waitForResponse(
      (r) => isList(r.url()) && !r.url().includes("queue=") && r.url().includes("category=complaint"),
    );
    await card.getByRole("button", { name: /^投诉 工单数 3/ }).click();
    expect(((await (await list).json()) as { total: number }).total).toBe(3);

    await page.goto(`${server.url}/appeals?from=2015-01-01&to=${to}`);
    await page.getByText("分析期间不能超过 3 年", { exact: false }).first().waitFor(WAIT);
    await context.close();
  });
});
