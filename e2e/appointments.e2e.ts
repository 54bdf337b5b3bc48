import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chineseDaysExceptions } from "../apps/server/src/modules/calendar/chinese-days.ts";
import { buildWorkCalendar, businessDay, nthWorkdayAfter } from "../apps/server/src/modules/calendar/work-calendar.ts";
import { idCheckChar } from "../packages/contracts/src/id-number.ts";
import { launchChromium, type RunningServer, startServer } from "./server.ts";
import { newContext, openMenu, pick, signIn, WAIT, waitForSlots } from "./steps.ts";

const HALL = "花都区政务服务中心";

// The server's clock starts at 09:40 Beijing time on the next working day, so the citizen can book
// today's 10:00 slot and check in whatever day the suite runs.
const cal = buildWorkCalendar(chineseDaysExceptions());
const day = nthWorkdayAfter(cal, businessDay(new Date()), 1);

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(18_183, { env: { ZHENGWU_TEST_NOW: `${day}T09:40:00+08:00` } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("appointments: book, check in, call, finish", () => {
  it("a citizen books a slot; the hall checks them in, calls them to a window and finishes the case", async () => {
    const hallId = await waitForSlots(server.url, HALL, day);
    const first17 = `44011419880512${String(Math.floor(Math.random() * 900) + 100)}`;
    const idNumber = `${first17}${idCheckChar(first17)}`;

    // Citizen, not signed in: 统一预约.
    const citizenContext = await newContext(browser);
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${server.url}/public/appointments`);
    await citizen.getByLabel("办事大厅").fill("花都区政务服务中心");
    await citizen.getByTitle(`${HALL}（区政务服务中心）`, { exact: true }).click();
    await pick(citizen, "办理窗口", "综合受理");
    await pick(citizen, "办理事项", "居民身份证申领");
    // The first day offered is the server's today (the browser's own date may differ in this test).
    await citizen.locator("#public-booking_day label").first().click();
    await citizen.getByText(/^10:00（余/).click();
    await citizen.getByLabel("姓名", { exact: true }).fill("陈小明");
    await citizen.getByLabel("身份证号", { exact: true }).fill(idNumber);
    await citizen.getByLabel("手机号", { exact: true }).fill("13800138000");
    await citizen.getByRole("button", { name: "提交预约" }).click();
    await citizen.getByRole("status").filter({ hasText: "预约成功" }).waitFor(WAIT);
    const code = ((await citizen.getByTestId("booking-code").textContent()) ?? "").trim();
    expect(code).toMatch(/^[A-Z0-9]{10}$/);
    const page = await citizenContext.newPage();
    expect(await citizen.textContent("body")).not.toContain(idNumber);
    await page.close();

    // The hall screen, listening for pushes.
    const boardContext = await newContext(browser);
    const board = await boardContext.newPage();
    await board.goto(`${server.url}/public/halls/${hallId}/board`);
    await expect.poll(() => board.getByRole("status", { name: "当前叫号" }).textContent(), WAIT).toBe("暂无叫号");

    // Window staff: check the booking in, call it, serve and finish.
    const staffContext = await newContext(browser);
    const staff = await signIn(staffContext, server.url, "hall");
    await openMenu(staff, "窗口叫号", /\/hall\/window/);
    // The demo seats 王窗口 at 1号窗口: a clerk works the window assigned to them.
    await staff.getByTitle("1号窗口（综合受理）", { exact: true }).waitFor(WAIT);
    await staff.getByLabel("预约码").fill(code);
    await staff.getByRole("button", { name: "签到取号" }).click();
    await staff.getByText("已取号 A001").waitFor(WAIT);

    await staff.getByRole("button", { name: "叫下一位" }).click();
    await expect.poll(() => staff.getByLabel("当前号码").textContent(), WAIT).toBe("A001");
    await expect
      .poll(() => board.getByRole("status", { name: "当前叫号" }).textContent(), WAIT)
      .toBe("请 A001 号到 1号窗口");
    expect(await board.textContent("body")).not.toContain("陈");

    await staff.getByRole("button", { name: "开始办理" }).click();
    await expect.poll(() => staff.getByLabel("办理状态").textContent(), WAIT).toBe("办理中");
    await staff.getByRole("button", { name: "办结" }).click();
    const dialog = staff.getByRole("dialog").filter({ hasText: "办理结果" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "确定" }).click();
    await staff.getByText("A001 已办结，办件已登记").waitFor(WAIT);
    await staff.getByText("本窗口空闲，可叫下一位。").waitFor(WAIT);

    // The finished service is a case, with the booking behind it, visible to the hall.
    const cases = await staff.request.get(`${server.url}/api/appointments/cases?hallId=${hallId}`);
    const body = await cases.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      itemName: "居民身份证申领",
      windowName: "1号窗口",
      staffName: "王窗口",
      result: "completed",
    });
    expect(body.items[0].idNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    await staff.screenshot({ path: ".tmp/e2e-hall-window.png", fullPage: true });
    await Promise.all([citizenContext.close(), boardContext.close(), staffContext.close()]);
  });
});
