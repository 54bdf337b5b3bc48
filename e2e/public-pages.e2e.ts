import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chineseDaysExceptions } from "../apps/server/src/modules/calendar/chinese-days.ts";
import { buildWorkCalendar, businessDay, nthWorkdayAfter } from "../apps/server/src/modules/calendar/work-calendar.ts";
import { idCheckChar } from "../packages/contracts/src/id-number.ts";
import { launchChromium, type RunningServer, startServer } from "./server.ts";
import { pick, WAIT, waitForSlots } from "./steps.ts";

const HALL = "花都区政务服务中心";
const cal = buildWorkCalendar(chineseDaysExceptions());
const day = nthWorkdayAfter(cal, businessDay(new Date()), 1);

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(18_016, { env: { ZHENGWU_TEST_NOW: `${day}T08:34:00+08:00` } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page that records 4xx/5xx answers, calls to /api/auth/me and uncaught errors. */
async function watched(context: BrowserContext) {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) {
      problems.push(`${r.status()} ${r.url()}`);
    }
  });
  page.on("request", (r) => {
    if (r.url().includes("/api/auth/me")) {
      problems.push(`asked ${r.url()}`);
    }
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") {
      problems.push(`console: ${m.text()}`);
    }
  });
  return { page, problems };
}

const cancelUntil = (page: Page) =>
  page.locator("th", { hasText: "可取消至" }).locator("xpath=following-sibling::td[1]");

/** The bureau's wall clock for an instant, as "2026-12-07 15:00:00". */
const shanghai = (iso: string) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hour12: false,
  }).format(new Date(iso));

describe("public pages", () => {
  it("do not ask who is signed in, and 取消预约 with empty fields shows field errors, not a page error", async () => {
    const context = await browser.newContext({ timezoneId: "Asia/Shanghai", locale: "zh-CN" });
    const { page, problems } = await watched(context);
    for (const path of ["/public/catalog", "/public/catalog/bundles", "/public/track", "/public/ratings"]) {
      // A busy machine serves the first load slowly: wait for the page, then for its requests.
      await page.goto(`${server.url}${path}`, { waitUntil: "domcontentloaded", timeout: 90_000 });
      await page.waitForLoadState("networkidle", { timeout: 90_000 });
    }
    await page.goto(`${server.url}/public/appointments`, { waitUntil: "domcontentloaded", timeout: 90_000 });
    await page.waitForLoadState("networkidle", { timeout: 90_000 });
    await page.getByRole("button", { name: "取消预约" }).click();
    await page.getByText("预约码为10位字母和数字").waitFor(WAIT);
    await page.getByText("请输入预约时填写的身份证号或手机号").waitFor(WAIT);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("show a booking's times in Beijing time whether the browser runs in UTC or in Asia/Shanghai", async () => {
    await waitForSlots(server.url, HALL, day);
    const first17 = `44011419880512${String(Math.floor(Math.random() * 900) + 100)}`;
    const idNumber = `${first17}${idCheckChar(first17)}`;
    const shown: string[] = [];
    let code = "";
    for (const timezoneId of ["UTC", "Asia/Shanghai"]) {
      const context = await browser.newContext({ timezoneId, locale: "zh-CN" });
      const page = await context.newPage();
      await page.goto(`${server.url}/public/appointments`);
      if (!code) {
        await page.getByLabel("办事大厅").fill(HALL);
        await page.getByTitle(`${HALL}（区政务服务中心）`, { exact: true }).click();
        await pick(page, "办理窗口", "综合受理");
        await pick(page, "办理事项", "居民身份证申领");
        await page.locator("#public-booking_day label").first().click();
        await page.getByText(/^10:00（余/).click();
        await page.getByLabel("姓名", { exact: true }).fill("陈小明");
        await page.getByLabel("身份证号", { exact: true }).fill(idNumber);
        await page.getByLabel("手机号", { exact: true }).fill("13800138000");
        await page.getByRole("button", { name: "提交预约" }).click();
        await page.getByRole("status").filter({ hasText: "预约成功" }).waitFor(WAIT);
        code = ((await page.getByTestId("booking-code").textContent()) ?? "").trim();
      } else {
        await page.getByLabel("预约码").fill(code);
        await page.getByLabel("身份证号或手机号").fill(idNumber);
        await page.getByRole("button", { name: "查询" }).click();
      }
      await cancelUntil(page).first().waitFor(WAIT);
      shown.push(((await cancelUntil(page).first().textContent()) ?? "").trim());
      await context.close();
    }
    const res = await fetch(`${server.url}/api/public/bookings/${code}/lookup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ verify: idNumber }),
    });
    const booking = (await res.json()) as { cancelDeadline: string };
    expect(shown).toEqual([shanghai(booking.cancelDeadline), shanghai(booking.cancelDeadline)]);
  });
});
