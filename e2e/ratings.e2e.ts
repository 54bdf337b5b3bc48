import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chineseDaysExceptions } from "../apps/server/src/modules/calendar/chinese-days.ts";
import { buildWorkCalendar, businessDay, nthWorkdayAfter } from "../apps/server/src/modules/calendar/work-calendar.ts";
import { idCheckChar } from "../packages/contracts/src/id-number.ts";
import { launchChromium, type RunningServer, startServer } from "./server.ts";
import {
  actOnTicket,
  newContext,
  openMenu,
  pick,
  seatClerkAt,
  serveBookingAtWindow,
  signIn,
  WAIT,
  waitForSlots,
} from "./steps.ts";

const HALL = "花都区政务服务中心";
const CENTRE = "区政务服务中心";

// Like the hall test: the server's day is the next working day, 09:40 Beijing time.
const cal = buildWorkCalendar(chineseDaysExceptions());
const day = nthWorkdayAfter(cal, businessDay(new Date()), 1);

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(18_184, { env: { ZHENGWU_TEST_NOW: `${day}T09:40:00+08:00` } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("好差评: a bad rating of a hall service and its rectification", () => {
  it("rates a finished service case badly and follows the rectification ticket to its end", async () => {
    await waitForSlots(server.url, HALL, day);
    const first17 = `44011419900101${String(Math.floor(Math.random() * 900) + 100)}`;
    const idNumber = `${first17}${idCheckChar(first17)}`;
    const phone = `1390013${String(1000 + Math.floor(Math.random() * 9000))}`;

    // A citizen books today's 10:00 slot.
    const citizenContext = await newContext(browser);
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${server.url}/public/appointments`);
    await citizen.getByLabel("办事大厅").fill(HALL);
    await citizen.getByTitle(`${HALL}（${CENTRE}）`, { exact: true }).click();
    await pick(citizen, "办理窗口", "不动产登记");
    await pick(citizen, "办理事项", "不动产转移登记");
    await citizen.locator("#public-booking_day label").first().click();
    await citizen.getByText(/^10:00（余/).click();
    await citizen.getByLabel("姓名", { exact: true }).fill("林晓华");
    await citizen.getByLabel("身份证号", { exact: true }).fill(idNumber);
    await citizen.getByLabel("手机号", { exact: true }).fill(phone);
    await citizen.getByRole("button", { name: "提交预约" }).click();
    await citizen.getByRole("status").filter({ hasText: "预约成功" }).waitFor(WAIT);
    const code = ((await citizen.getByTestId("booking-code").textContent()) ?? "").trim();

    // The hall serves it at window 17, the first of 不动产登记, where the administrator seats 王窗口.
    const adminContext = await newContext(browser);
    await seatClerkAt(await signIn(adminContext, server.url, "admin"), HALL, "17号窗口", "王窗口");
    await adminContext.close();
    const hallContext = await newContext(browser);
    const staff = await signIn(hallContext, server.url, "hall");
    await serveBookingAtWindow(staff, code, "17号窗口（不动产登记）");
    await hallContext.close();

    // The citizen looks the booking up, follows 评价本次服务 and rates it 非常不满意 with a reason.
    await citizen.goto(`${server.url}/public/appointments`);
    const lookup = citizen.locator("#booking-lookup");
    await lookup.getByLabel("预约码").fill(code);
    await lookup.getByLabel("身份证号或手机号").fill(phone);
    await lookup.getByRole("button", { name: "查询" }).click();
    await citizen.getByRole("link", { name: "评价本次服务" }).click();
    await citizen.waitForURL(/\/public\/rate\?kind=service_case&number=/);
    await citizen.getByLabel("登记手机号或身份证号后4位").fill(idNumber.slice(-4));
    await citizen.getByRole("radio", { name: "非常不满意" }).check();
    await citizen.getByRole("checkbox").first().check();
    await citizen.getByLabel("意见建议").fill("窗口人员让我来回补材料三次，态度生硬。");
    await citizen.getByRole("button", { name: "提交评价" }).click();
    await citizen.getByText("感谢您的评价：非常不满意").waitFor(WAIT);
    expect(await citizen.textContent("body")).toContain("整改");

    // The centre's handler finds the rectification ticket in its inbox: 签收 → 开始办理 → 答复.
    const chiefContext = await newContext(browser);
    let page = await signIn(chiefContext, server.url, "hallchief");
    await openMenu(page, "工单办理", /\/work-orders/);
    const ticketLink = page.getByRole("link", { name: /^差评整改：不动产转移登记/ });
    await ticketLink.first().click();
    await page.waitForURL(/\/work-orders\/[0-9a-f-]{36}$/);
    const ticketUrl = page.url();
    const body = (await page.textContent("body")) ?? "";
    // The rated unit does not learn who rated it.
    expect(body).not.toContain("林晓华");
    expect(body).not.toContain(phone);
    await actOnTicket(page, "签收", "已签收");
    await actOnTicket(page, "开始办理", "办理中");
    await actOnTicket(page, "答复", "待审核答复", async (dialog) => {
      await dialog.getByLabel("答复内容").fill("已致电评价人核实情况，对窗口人员批评教育，推行材料一次性告知。");
    });
    await chiefContext.close();

    // The dispatcher approves the reply and follows up with the rater: the loop is closed.
    const dispatcherContext = await newContext(browser);
    page = await signIn(dispatcherContext, server.url, "dispatcher");
    await page.goto(ticketUrl);
    await actOnTicket(page, "审核通过", "待回访");
    await actOnTicket(page, "回访", "已办结", async (dialog) => {
      await dialog.getByRole("radio", { name: "满意", exact: true }).check();
    });
    await dispatcherContext.close();

    // The public disclosure shows the centre's bad rating as rectified, without personal data.
    await citizen.goto(`${server.url}/public/ratings`);
    const row = citizen.getByRole("row").filter({ has: citizen.getByRole("cell", { name: CENTRE, exact: true }) });
    await row.waitFor(WAIT);
    // 单位, 评价数, 好评率, 差评, 已整改, 整改中
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells.slice(3)).toEqual(["1", "1", "0"]);
    const text = (await citizen.textContent("body")) ?? "";
    expect(text).not.toContain("林晓华");
    expect(text).not.toContain(phone);
    await citizen.screenshot({ path: ".tmp/e2e-ratings-disclosure.png", fullPage: true });
    await citizenContext.close();

    // The supervisor reads the rates by window and opens window 17's bad rating from its count.
    const supervisorContext = await newContext(browser);
    page = await signIn(supervisorContext, server.url, "supervisor");
    await openMenu(page, "好差评", /\/ratings/);
    await page.getByText("按窗口", { exact: true }).click();
    const windowRow = page.getByRole("row").filter({ has: page.getByRole("cell", { name: "17号窗口", exact: true }) });
    await windowRow.waitFor(WAIT);
    // 窗口, 评价数, 差评, …
    await windowRow.getByRole("cell").nth(2).getByRole("link").click();
    await page.waitForURL(/windowName=17/);
    await expect.poll(() => page.getByRole("cell", { name: /^不动产转移登记/ }).count(), WAIT).toBeGreaterThan(0);
    await supervisorContext.close();
  });
});
