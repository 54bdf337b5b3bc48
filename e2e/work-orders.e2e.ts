import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type RunningServer, startServer } from "./server.ts";

const PASSWORD = "Zhengwu@2022";
const UNIT = "广州市花都区城市管理和综合执法局";
const WAIT = { timeout: 15_000 };

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

// The bureau works in Beijing time; deadlines and dates are shown in it.
const newContext = () => browser.newContext({ timezoneId: "Asia/Shanghai", locale: "zh-CN" });

async function signIn(context: BrowserContext, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByPlaceholder("用户名").fill(username);
  await page.getByPlaceholder("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return page;
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^当前用户/ }).click();
  await page.getByRole("menuitem", { name: "退出登录" }).click();
  await page.waitForURL(/\/login/);
}

async function openWorkOrders(page: Page): Promise<void> {
  await page.getByRole("menu", { name: "主导航" }).getByRole("link", { name: "工单办理" }).click();
  await page.waitForURL(/\/work-orders/);
}

const statusOf = (page: Page) => page.getByRole("status", { name: "工单状态" }).textContent();

/** Clicks an action button on the ticket page, fills its modal, confirms, and waits for the new status. */
async function act(page: Page, action: string, status: string, fill?: (dialog: Locator) => Promise<void>) {
  await page.getByRole("button", { name: action, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: action });
  await dialog.waitFor();
  await fill?.(dialog);
  await dialog.getByRole("button", { name: "确定" }).click();
  await dialog.waitFor({ state: "hidden" });
  await expect.poll(() => statusOf(page), WAIT).toBe(status);
}

describe("work orders: one ticket from intake to follow-up", () => {
  it("registers, dispatches, handles, reviews, follows up and shows the citizen its progress", async () => {
    const title = `夜间施工噪音扰民-${Date.now()}`;
    const phoneTail = String(1000 + Math.floor(Math.random() * 9000));

    // Dispatcher: 登记来电, open the new ticket, 派单.
    const dispatcherContext = await newContext();
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
    const handlerContext = await newContext();
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
    const publicContext = await newContext();
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
});
