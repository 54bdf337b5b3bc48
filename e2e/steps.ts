import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { expect } from "vitest";

export const DEMO_PASSWORD = "Zhengwu@2022";
export const WAIT = { timeout: 20_000 };

// The bureau works in Beijing time; deadlines and dates are shown in it.
export const newContext = (browser: Browser) => browser.newContext({ timezoneId: "Asia/Shanghai", locale: "zh-CN" });

export async function signIn(context: BrowserContext, baseUrl: string, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByPlaceholder("用户名").fill(username);
  await page.getByPlaceholder("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return page;
}

export async function openMenu(page: Page, label: string, path: RegExp): Promise<void> {
  await page.getByRole("menu", { name: "主导航" }).getByRole("link", { name: label }).click();
  await page.waitForURL(path);
}

/** An antd select: open it by its label and pick the option by its visible title. */
export async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.getByTitle(option, { exact: true }).click();
}

const statusOf = (page: Page) => page.getByRole("status", { name: "工单状态" }).textContent();

/** Clicks a work-order action, fills its modal, confirms, and waits for the new status. */
export async function actOnTicket(
  page: Page,
  action: string,
  status: string,
  fill?: (dialog: Locator) => Promise<void>,
): Promise<void> {
  await page.getByRole("button", { name: action, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: action });
  await dialog.waitFor();
  await fill?.(dialog);
  await dialog.getByRole("button", { name: "确定" }).click();
  await dialog.waitFor({ state: "hidden" });
  await expect.poll(() => statusOf(page), WAIT).toBe(status);
}

/** Window staff checks a booking in, calls it, serves and finishes it; returns nothing but the case is written. */
export async function serveBookingAtWindow(staff: Page, code: string, window: string): Promise<string> {
  await openMenu(staff, "窗口叫号", /\/hall\/window/);
  await staff.getByRole("combobox", { name: "窗口" }).click();
  await staff.getByTitle(window, { exact: true }).click();
  await staff.getByLabel("预约码").fill(code);
  await staff.getByRole("button", { name: "签到取号" }).click();
  const taken = staff.getByText(/^已取号 [A-Z]\d{3}/);
  await taken.waitFor(WAIT);
  const number = /[A-Z]\d{3}/.exec((await taken.textContent()) ?? "")?.[0] ?? "";
  await staff.getByRole("button", { name: "叫下一位" }).click();
  await expect.poll(() => staff.getByLabel("当前号码").textContent(), WAIT).toBe(number);
  await staff.getByRole("button", { name: "开始办理" }).click();
  await expect.poll(() => staff.getByLabel("办理状态").textContent(), WAIT).toBe("办理中");
  await staff.getByRole("button", { name: "办结" }).click();
  const dialog = staff.getByRole("dialog").filter({ hasText: "办理结果" });
  await dialog.waitFor();
  await dialog.getByRole("button", { name: "确定" }).click();
  await staff.getByText(`${number} 已办结，办件已登记`).waitFor(WAIT);
  return number;
}
