import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chineseDaysExceptions } from "../apps/server/src/modules/calendar/chinese-days.ts";
import { buildWorkCalendar, businessDay, nthWorkdayAfter } from "../apps/server/src/modules/calendar/work-calendar.ts";
import { HallDetailSchema } from "../packages/contracts/src/appointments.ts";
import { launchChromium, type RunningServer, startServer } from "./server.ts";
import { newContext, signIn, WAIT, waitForSlots } from "./steps.ts";

const HALL = "花都区政务服务中心";

// The hall is open at the server's 09:40 on the next working day: walk-ins can take tickets.
const cal = buildWorkCalendar(chineseDaysExceptions());
const day = nthWorkdayAfter(cal, businessDay(new Date()), 1);

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(18_190, { env: { ZHENGWU_TEST_NOW: `${day}T09:40:00+08:00` } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A write through the signed-in page's own session, with its CSRF token, as the app sends it. */
async function post(page: Page, path: string, body: unknown): Promise<unknown> {
  const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
  const res = await page.request.post(`${server.url}${path}`, {
    data: body,
    headers: { "x-csrf-token": me.csrfToken },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

/** A page's charts render once scrolled to (WhenVisible): scroll their places into view, as a reader does. */
async function scrollUntil(page: Page, target: Locator): Promise<void> {
  await expect
    .poll(async () => {
      for (const place of await page.locator("[data-when-visible]").all()) {
        await place.scrollIntoViewIfNeeded({ timeout: 2_000 }).catch(() => undefined);
      }
      return target.count();
    }, WAIT)
    .toBeGreaterThan(0);
}

describe("charts open the list they count", () => {
  it("工单统计: a click on the category treemap's block opens that category's tickets", async () => {
    // Two complaints in June 2019, a month nothing else in the demo base falls in.
    const dispatcher = await signIn(await newContext(browser), server.url, "dispatcher");
    const titles = [`图表点击测试甲-${Date.now()}`, `图表点击测试乙-${Date.now()}`];
    for (const [i, title] of titles.entries()) {
      await post(dispatcher, "/api/work-orders", {
        receivedAt: `2019-06-1${i + 1}T10:00:00+08:00`,
        category: "complaint",
        title,
        content: "用于检验统计图表点击后打开的工单清单。",
      });
    }

    const leader = await signIn(await newContext(browser), server.url, "leader");
    const period = "from=2019-06-01T00:00:00%2B08:00&to=2019-07-01T00:00:00%2B08:00";
    await leader.goto(`${server.url}/work-orders/metrics?${period}`);
    const figure = leader.getByRole("figure", { name: /诉求分类分布/ });
    await scrollUntil(leader, figure);
    await figure.scrollIntoViewIfNeeded();
    // One category: its block fills the chart, so a real click on the canvas's centre lands on it.
    const canvas = figure.locator("canvas").first();
    // ECharts describes the drawn data in its own aria-label: click once the block is drawn.
    await figure.locator('[role="img"][aria-label*="投诉的数据是2"]').waitFor(WAIT);
    await leader.waitForLoadState("networkidle");
    // The page's other charts settle and the treemap's entry animation runs; a click on the canvas
    // during either may land on nothing, so it is repeated until the list opens.
    await expect
      .poll(async () => {
        await canvas.click({ timeout: 2_000 }).catch(() => undefined);
        await leader.waitForURL(/\/work-orders\?/, { timeout: 2_000 }).catch(() => undefined);
        return new URL(leader.url()).pathname;
      }, WAIT)
      .toBe("/work-orders");
    const url = new URL(leader.url());
    expect(url.pathname).toBe("/work-orders");
    expect(url.searchParams.get("category")).toBe("complaint");
    expect(url.searchParams.get("metric")).toBe("volume");
    expect(url.searchParams.get("from")).toBe("2019-06-01T00:00:00+08:00");
    expect(url.searchParams.get("to")).toBe("2019-07-01T00:00:00+08:00");
    for (const title of titles) {
      await leader.getByRole("link", { name: title }).waitFor(WAIT);
    }
  });

  it("大厅统计: a day of the visitor calendar opens that day's tickets", async () => {
    const hallId = await waitForSlots(server.url, HALL, day);
    const staff = await signIn(await newContext(browser), server.url, "hall");
    const hall = HallDetailSchema.parse(await (await staff.request.get(`${server.url}/api/halls/${hallId}`)).json());
    const group = hall.groups[0];
    const item = group?.items[0];
    expect(item).toBeDefined();

    // Two walk-ins take tickets at the centre today (the server's day).
    for (let i = 0; i < 2; i++) {
      await post(staff, `/api/halls/${hallId}/check-ins`, {
        kind: "walk_in",
        groupId: group?.id,
        itemCode: item?.itemCode,
      });
    }

    const leader = await signIn(await newContext(browser), server.url, "leader");
    await leader.goto(`${server.url}/hall/metrics?from=${day}&to=${day}`);
    // The charts are folded until the reader opens them.
    await leader.getByText(/^图表：/).click(WAIT);
    const heading = leader.locator(".ant-card-head-title", { hasText: "每日来访人次" });
    await heading.waitFor(WAIT);
    const card = leader.locator(".ant-card").filter({ has: heading });
    // The calendar's table view holds the same cells; a cell opens what the chart's cell opens.
    await card.getByText("表格", { exact: true }).click();
    const cell = card.getByRole("button", { name: /来访人次 2，点击查看当日来访$/ });
    await cell.waitFor(WAIT);
    await cell.click();
    const drawer = leader.getByRole("dialog");
    await drawer.getByText(/ · 来访$/).waitFor(WAIT);
    await drawer.getByText("共 2 人次").waitFor(WAIT);
    expect(await drawer.locator("tbody tr.ant-table-row").count()).toBe(2);
  });
});
