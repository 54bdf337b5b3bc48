import type { Browser, Page } from "playwright-core";
import { DEMO_PASSWORD } from "./steps.ts";

/** Every demo log-in (README), each with the time zone its browser runs in: both zones are walked. */
export const DEMO_ROLES: ReadonlyArray<{ username: string; timezoneId: string }> = [
  { username: "admin", timezoneId: "UTC" },
  { username: "dispatcher", timezoneId: "Asia/Shanghai" },
  { username: "handler", timezoneId: "UTC" },
  { username: "hall", timezoneId: "Asia/Shanghai" },
  { username: "hallchief", timezoneId: "UTC" },
  { username: "catalog", timezoneId: "Asia/Shanghai" },
  { username: "supervisor", timezoneId: "UTC" },
  { username: "finance", timezoneId: "Asia/Shanghai" },
  { username: "data", timezoneId: "UTC" },
  { username: "leader", timezoneId: "Asia/Shanghai" },
  { username: "auditor", timezoneId: "UTC" },
];

/**
 * A page that takes longer than this to settle on the embedded database fails the walk. The walk runs
 * on PGlite (one statement at a time) on the 2-core CI machine, whose speed varies between runs: the same
 * page's calls measured 2.1 s in one run and 3.5 s in the next with nothing else running. The limit
 * catches pages that lose seconds (the statistics pages' charts took 6–7 s before they were deferred);
 * the speed targets themselves are benchmarks (docs/benchmarks.md).
 */
export const SETTLE_LIMIT_MS = 5_000;

/** Text a bureau employee must never read: raw codes, serialization accidents. */
const RAW_TEXT = [
  /\[object Object\]/,
  /\bundefined\b/,
  /\bNaN\b/,
  /Invalid Date/,
  /\b[a-z]+(?:_[a-z]+)+\b/, // snake_case codes (work_order, hall_staff)
  /\b[a-z]+\.[a-z]+(?:_[a-z]+)*\b(?!\.)/, // dotted codes (work_order.supervise, user.create)
];

/** An API call the page made and how long its answer took. */
export type ApiCall = { call: string; ms: number };

/** Collects what went wrong on a page while it is walked, and its API calls (to name a slow page's cause). */
export function watch(page: Page): { problems: string[]; calls: ApiCall[] } {
  const problems: string[] = [];
  const calls: ApiCall[] = [];
  page.on("requestfinished", (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith("/api/")) {
      // responseEnd is measured from the request's start.
      calls.push({ call: `${r.method()} ${url.pathname}${url.search}`, ms: Math.round(r.timing().responseEnd) });
    }
  });
  page.on("response", (r) => {
    if (r.status() >= 500) {
      problems.push(`HTTP ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
    }
  });
  page.on("console", (m) => {
    if (m.type() === "error") {
      problems.push(`console: ${m.text().slice(0, 200)}`);
    }
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message.slice(0, 200)}`));
  return { problems, calls };
}

/** Opens a page and waits until nothing loads or spins; answers how long that took. */
export async function openAndSettle(page: Page, url: string): Promise<number> {
  const t0 = Date.now();
  await page.goto(url, { waitUntil: "domcontentloaded", timeout: 30_000 });
  await page.waitForLoadState("networkidle", { timeout: 30_000 }).catch(() => undefined);
  await page
    .locator(".ant-spin-spinning, .ant-skeleton-active")
    .first()
    .waitFor({ state: "detached", timeout: 30_000 })
    .catch(() => undefined);
  return Date.now() - t0;
}

/** Raw codes or accidents in what the page shows (inputs' values and the URL bar are not shown text). */
export async function rawTextOn(page: Page): Promise<string[]> {
  // biome-ignore lint/performance/useDomNodeTextContent: only the text a user sees counts, not hidden nodes
  const text = await page.locator("body").innerText();
  return RAW_TEXT.flatMap((re) => {
    const m = re.exec(text);
    return m ? [`shows "${m[0]}" (…${text.slice(Math.max(0, m.index - 30), m.index + 40).replace(/\s+/g, " ")}…)`] : [];
  });
}

export async function signInAs(browser: Browser, baseUrl: string, username: string, timezoneId: string) {
  const context = await browser.newContext({ timezoneId, locale: "zh-CN" });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(`${baseUrl}/login`);
  await page.getByPlaceholder("用户名").fill(username);
  await page.getByPlaceholder("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: 30_000 });
  return { context, page, seen };
}

/** The menu's pages for the signed-in user, as links. */
export async function menuPaths(page: Page): Promise<string[]> {
  const links = page.getByRole("menu", { name: "主导航" }).getByRole("link");
  await links.first().waitFor({ timeout: 20_000 });
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.filter((h) => h.startsWith("/")))];
}

/** The first record a list page links to (a row's link to its detail page), if it has one. */
export async function firstDetailPath(page: Page, listPath: string): Promise<string | null> {
  const hrefs = await page
    .locator(".ant-table-tbody tr a[href^='/']")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  // A row's download (an evidence file under /api/) is a file, not a page to open.
  const own = hrefs.find(
    (h) => h !== listPath && !h.startsWith("/public/") && !h.startsWith("/api/") && h.split("?")[0] !== listPath,
  );
  return own ?? null;
}

/** Opens a page; answers what is wrong with it: too slow (naming its slowest API calls), raw text. */
export async function openAndCheck(page: Page, url: string, calls: ApiCall[]): Promise<string[]> {
  const path = url.slice(new URL(url).origin.length);
  const before = calls.length;
  const ms = await openAndSettle(page, url);
  const problems: string[] = [];
  if (ms > SETTLE_LIMIT_MS) {
    const slowest = calls
      .slice(before)
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3)
      .map((c) => `${c.call} ${c.ms} ms`);
    problems.push(`${path}: settled in ${ms} ms (limit ${SETTLE_LIMIT_MS}); slowest calls: ${slowest.join(", ")}`);
  }
  problems.push(...(await rawTextOn(page)).map((p) => `${path}: ${p}`));
  return problems;
}

/** Walks every menu page of a signed-in user and the first detail page of each list. */
export async function walkMenu(page: Page, baseUrl: string, calls: ApiCall[]): Promise<string[]> {
  const problems: string[] = [];
  const paths = await menuPaths(page);
  for (const path of paths) {
    problems.push(...(await openAndCheck(page, `${baseUrl}${path}`, calls)));
    const detail = await firstDetailPath(page, path);
    if (detail) {
      problems.push(...(await openAndCheck(page, `${baseUrl}${detail}`, calls)));
    }
  }
  return problems;
}
