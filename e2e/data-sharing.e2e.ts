import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type RunningServer, startServer } from "./server.ts";
import { DEMO_PASSWORD, newContext, WAIT } from "./steps.ts";

// A new account's first password must be changed before anything else: the officers choose this one.
const OWN_PASSWORD = "Shuju#2022ok";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer(18_187);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Session = (method: string, path: string, body?: unknown) => Promise<{ status: number; json: unknown }>;

/** A signed-in API session (cookie and CSRF token) for the set-up a person would do elsewhere. */
async function session(username: string, password = DEMO_PASSWORD): Promise<Session> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method, path, body) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, "x-csrf-token": csrfToken, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, json: await res.json().catch(() => null) };
  };
}

const FIELDS = ["统一社会信用代码", "企业名称", "法定代表人", "注册资本", "登记状态"];
const GRANTED = ["统一社会信用代码", "企业名称", "登记状态"];

/** 新华街道's data officer and 区市场监督管理局's, made by the administrator as the bureau would. */
async function officers(): Promise<{ town: string; provider: string; providerUnitId: string }> {
  const admin = await session("admin");
  const tree = (await admin("GET", "/api/org/tree")).json as { units: Array<{ id: string; name: string }> };
  const unit = (name: string) => {
    const u = tree.units.find((x) => x.name.endsWith(name));
    if (!u) {
      throw new Error(`no unit ${name}`);
    }
    return u.id;
  };
  const suffix = Date.now().toString(36);
  const make = async (username: string, displayName: string, orgUnitId: string) => {
    const res = await admin("POST", "/api/users", {
      username,
      displayName,
      orgUnitId,
      password: DEMO_PASSWORD,
      roles: ["data_officer"],
    });
    expect(res.status).toBe(201);
    const first = await session(username);
    expect(
      (await first("POST", "/api/auth/password", { currentPassword: DEMO_PASSWORD, newPassword: OWN_PASSWORD })).status,
    ).toBe(200);
    return username;
  };
  const providerUnitId = unit("市场监督管理局");
  return {
    town: await make(`xh.data.${suffix}`, "陈街道", unit("新华街道")),
    provider: await make(`scj.data.${suffix}`, "黄市监", providerUnitId),
    providerUnitId,
  };
}

/** The provider catalogues a 有条件共享 resource and fills it with a batch of three enterprises. */
async function catalogued(provider: string, providerUnitId: string): Promise<string> {
  const call = await session(provider, OWN_PASSWORD);
  const code = `3${String(Date.now() % 10_000_000).padStart(7, "0")}-00001`;
  const created = await call("POST", "/api/data/resources", {
    code,
    name: "市场主体登记信息",
    providerUnitId,
    summary: "本区登记的企业、个体工商户基本信息",
    classification: "department",
    subclass: "市场监管",
    format: "table",
    shareType: "conditional",
    shareCondition: "限用于本单位职责范围内的核验，不得转授",
    shareMethod: "接口",
    openType: "none",
    updateCycle: "daily",
    publishedOn: "2022-01-04",
    fields: [
      { name: "统一社会信用代码", type: "C", length: 18, required: true, key: true },
      { name: "企业名称", type: "C", length: 100, required: true },
      { name: "法定代表人", type: "C", length: 30, personal: true },
      { name: "注册资本", type: "N", length: 20 },
      { name: "登记状态", type: "C", length: 10, codeList: ["存续", "注销", "吊销"] },
    ],
  });
  expect(created.status).toBe(201);
  const batch = await call("POST", `/api/data/resources/${code}/batches`, {
    batchId: "20221010-001",
    mode: "reject",
    rows: [
      ["91440114MA5D0001XA", "广州花都新华五金商行有限公司", "李国强", 100, "存续"],
      ["91440114MA5D0002XB", "广州市花都区秀全餐饮管理有限公司", "张美玲", 50, "存续"],
      ["91440114MA5D0003XC", "广州花城汽配贸易有限公司", "陈志伟", 300, "注销"],
    ].map((r) => Object.fromEntries(FIELDS.map((f, i) => [f, r[i]]))),
  });
  expect(batch.status).toBe(201);
  return code;
}

async function signInAs(context: BrowserContext, username: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByPlaceholder("用户名").fill(username);
  await page.getByPlaceholder("密码").fill(OWN_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return page;
}

/** The row of the request list that names the resource. */
const requestRow = (page: Page, name: string) => page.getByRole("row").filter({ hasText: name });

describe("数据共享: a town asks for a 有条件 resource and reads what the provider granted", () => {
  it("requests in the UI, is granted fewer fields, fetches rows with the credential, and the log shows it", async () => {
    const { town, provider, providerUnitId } = await officers();
    const code = await catalogued(provider, providerUnitId);

    // 新华街道's officer finds the resource and asks for all five fields.
    const townContext = await newContext(browser);
    const townPage = await signInAs(townContext, town);
    await townPage.goto(`${server.url}/data/resources/${code}`);
    await townPage.getByRole("button", { name: "申请共享" }).click();
    const ask = townPage.getByRole("dialog", { name: "申请共享数据资源" });
    await ask.waitFor(WAIT);
    for (const f of FIELDS) {
      await ask.getByRole("checkbox", { name: new RegExp(`^${f}`) }).check();
    }
    await ask.getByLabel("用途").fill("核验辖区出租屋经营主体登记情况");
    await ask.getByLabel("申请依据").fill("《广东省政务数据资源共享管理办法》第十九条");
    await ask.getByRole("button", { name: "确定" }).click();
    await townPage.getByText("已提交，等待提供方审批").waitFor(WAIT);

    // The provider approves three of the five fields.
    const providerContext = await newContext(browser);
    const providerPage = await signInAs(providerContext, provider);
    await providerPage.goto(`${server.url}/data/requests`);
    await providerPage.getByRole("tab", { name: "待我审批" }).click();
    await requestRow(providerPage, "市场主体登记信息").getByRole("button", { name: "审批" }).click();
    const decide = providerPage.getByRole("dialog", { name: /审批共享申请/ });
    await decide.waitFor(WAIT);
    for (const f of ["法定代表人", "注册资本"]) {
      await decide.getByRole("checkbox", { name: new RegExp(`^${f}`) }).uncheck();
    }
    await decide.getByRole("button", { name: "确定" }).click();
    await decide.waitFor({ state: "hidden", ...WAIT });
    await providerContext.close();

    // The town claims its credential (shown once) from its own requests.
    await townPage.goto(`${server.url}/data/requests`);
    await requestRow(townPage, "市场主体登记信息").getByRole("button", { name: "申领凭证" }).click();
    const shown = townPage.getByRole("dialog", { name: /密钥已创建/ });
    await shown.waitFor(WAIT);
    const secret = (await shown.locator("input").first().inputValue()).trim();
    expect(secret).toMatch(/^zwk_/);
    await shown.getByRole("button", { name: "我已妥善保存" }).click();

    // The town's system reads rows: only the granted fields come back; an ungranted one is refused.
    const rows = await fetch(`${server.url}/api/data/resources/${code}/rows?pageSize=10`, {
      headers: { "x-api-key": secret },
    });
    expect(rows.status).toBe(200);
    const body = (await rows.json()) as { fields: string[]; items: Array<Record<string, unknown>> };
    expect(body.fields).toEqual(GRANTED);
    expect(body.items).toHaveLength(3);
    expect(body.items.every((r) => Object.keys(r).sort().join() === [...GRANTED].sort().join())).toBe(true);
    const beyond = await fetch(
      `${server.url}/api/data/resources/${code}/rows?fields=${encodeURIComponent("法定代表人")}`,
      { headers: { "x-api-key": secret } },
    );
    expect(beyond.status).toBe(403);

    // The exchange log shows both calls to the town: three rows served, one refusal with its reason.
    await townPage.goto(`${server.url}/data/exchange-log?resourceCode=${code}`);
    const served = townPage.getByRole("row").filter({ hasText: "已返回" });
    await served.first().waitFor(WAIT);
    expect(await served.first().textContent()).toContain("3");
    const refused = townPage.getByRole("row").filter({ hasText: "已拒绝" });
    expect(await refused.first().textContent()).toContain("法定代表人");
    await townPage.screenshot({ path: ".tmp/e2e-data-exchange-log.png", fullPage: true });
    await townContext.close();
  });
});
