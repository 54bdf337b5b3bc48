import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type RunningServer, startServer } from "./server.ts";
import { actOnTicket as act, newContext, openMenu, signIn as signInAt, WAIT } from "./steps.ts";

const UNIT = "广州市花都区城市管理和综合执法局";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(18_182);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const signIn = (context: Parameters<typeof signInAt>[0], username: string) => signInAt(context, server.url, username);
const openWorkOrders = (page: Page) => openMenu(page, "工单办理", /\/work-orders/);
const statusOf = (page: Page) => page.getByRole("status", { name: "工单状态" }).textContent();

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^当前用户/ }).click();
  await page.getByRole("menuitem", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);
}

describe("work orders: one ticket from intake to follow-up", () => {
  it("registers, dispatches, handles, reviews, follows up and shows the citizen its progress", async () => {
    const title = `夜间施工噪音扰民-${Date.now()}`;
    const phoneTail = String(1000 + Math.floor(Math.random() * 9000));

    // Dispatcher: 登记来电, open the new ticket, 派单.
    const dispatcherContext = await newContext(browser);
    let page = await signIn(dispatcherContext, "dispatcher");
    await openWorkOrders(page);
    await page.getByRole("button", { name: "登记来电" }).click();
    const create = page.getByRole("dialog", { name: "登记来电" });
    await create.getByLabel("诉求分类").click();
    // The visible options carry their label as title; the role=option list is for screen readers only.
    await page.getByTitle("投诉", { exact: true }).click();
    await create.getByLabel("标题").fill(title);
    await create.getByLabel("诉求内容").fill("小区旁工地每晚十一点后仍在施工，噪音严重影响休息。");
    await create.getByLabel("来电人").fill("张三");
    await create.getByLabel("联系电话").fill(`1380013${phoneTail}`);
    await create.getByRole("button", { name: "登记" }).click();
    await create.waitFor({ state: "hidden" });

    await page.getByRole("link", { name: title }).click();
    await page.waitForURL(/\/work-orders\/[0-9a-f-]{36}$/);
    const ticketUrl = page.url();
    await expect.poll(() => statusOf(page), WAIT).toBe("待派单");
    const heading = (await page.getByRole("heading", { level: 4 }).textContent()) ?? "";
    const number = /工单 ([A-Za-z0-9-]+)/.exec(heading)?.[1];
    expect(number).toBeTruthy();

    await act(page, "派单", "待签收", async (dialog) => {
      await dialog.getByLabel("承办单位").fill("城市管理和综合执法");
      await page.getByTitle(UNIT, { exact: true }).click();
    });
    await signOut(page);

    // Handler: the inbox is the default queue; 签收 → 开始办理 → 答复.
    const handlerContext = await newContext(browser);
    page = await signIn(handlerContext, "handler");
    await openWorkOrders(page);
    await expect.poll(() => page.getByRole("tab", { selected: true }).textContent(), WAIT).toContain("本单位待办");
    await page.getByRole("link", { name: title }).click();
    await page.waitForURL(ticketUrl);
    await act(page, "签收", "已签收");
    await act(page, "开始办理", "办理中");
    await act(page, "答复", "待审核答复", async (dialog) => {
      await dialog.getByLabel("答复内容").fill("已责令施工单位夜间停工，并安排执法人员夜间巡查。");
    });
    await handlerContext.close();

    // Dispatcher again: 审核通过 → 回访 (非常满意) closes the ticket.
    page = await signIn(dispatcherContext, "dispatcher");
    await page.goto(ticketUrl);
    await act(page, "审核通过", "待回访");
    await act(page, "回访", "已办结", async (dialog) => {
      await dialog.getByRole("radio", { name: "非常满意" }).check();
    });
    const timeline = page.getByRole("region", { name: "办理时间线" });
    await expect.poll(() => timeline.textContent(), WAIT).toContain("回访");
    const events = (await timeline.textContent()) ?? "";
    for (const label of ["受理登记", "派单", "签收", "开始办理", "答复", "审核通过", "回访", UNIT, "李承办"]) {
      expect(events).toContain(label);
    }
    await page.screenshot({ path: ".tmp/e2e-work-order-closed.png", fullPage: true });
    await dispatcherContext.close();

    // A citizen, not signed in, tracks the ticket by its number and the phone's last 4 digits.
    const publicContext = await newContext(browser);
    const citizen = await publicContext.newPage();
    await citizen.goto(`${server.url}/public/track`);
    await citizen.getByLabel("工单号").fill(number ?? "");
    await citizen.getByLabel("来电号码后4位").fill(phoneTail);
    await citizen.getByRole("button", { name: "查询" }).click();
    await expect.poll(() => citizen.getByLabel("办理状态").textContent(), WAIT).toBe("已办结");
    expect(await citizen.getByRole("region", { name: "办理进度" }).textContent()).toContain("受理登记");
    expect(citizen.url()).toContain("/public/track");
    await publicContext.close();
  });

  it("opens the ticket list with one org-tree request and no second count of every ticket", async () => {
    for (const username of ["dispatcher", "supervisor"]) {
      const context = await newContext(browser);
      const page = await signIn(context, username);
      const asked: string[] = [];
      page.on("request", (r) => {
        const url = new URL(r.url());
        if (url.pathname === "/api/org/tree" || url.pathname === "/api/work-orders") {
          asked.push(`${url.pathname}${url.search}`);
        }
      });
      await page.goto(`${server.url}/work-orders`);
      await page.waitForLoadState("networkidle");
      // The list, its create dialog and its filters share one tree; 全部工单 is counted by the list alone.
      expect(
        asked.filter((a) => a.startsWith("/api/org/tree")),
        username,
      ).toHaveLength(1);
      const counts = asked.filter((a) => a.includes("pageSize=1&") || a.endsWith("pageSize=1"));
      expect(
        counts.filter((a) => !a.includes("queue=")),
        username,
      ).toEqual([]);
      expect(new Set(asked).size, username).toBe(asked.length);
      await context.close();
    }
  });
});
