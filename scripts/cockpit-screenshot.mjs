#!/usr/bin/env node
// Screenshots the 领导驾驶舱 at 1920×1080 (and checks 1440×900) into docs/cockpit-1920x1080.png.
// Starts nothing: point it at a running server with the demo year loaded, e.g.
//   node scripts/cockpit-screenshot.mjs --url http://127.0.0.1:8080 [--user leader] [--password Zhengwu@2022] [--out FILE]
// It fails when the page scrolls at either size (the cockpit must fit a wall screen).
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:8080" },
    user: { type: "string", default: "leader" },
    password: { type: "string", default: "Zhengwu@2022" },
    out: { type: "string", default: "docs/cockpit-1920x1080.png" },
  },
});
const base = values.url.replace(/\/$/, "");

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
});
try {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    timezoneId: "Asia/Shanghai",
    locale: "zh-CN",
  });
  const page = await context.newPage();
  await page.goto(`${base}/login`, { timeout: 90_000 });
  await page.getByPlaceholder("用户名").fill(values.user);
  await page.getByPlaceholder("密码").fill(values.password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"), { timeout: 60_000 });
  await page.goto(`${base}/cockpit`);
  // The first summary of a demo year can take a few seconds on an idle cache.
  await page.getByText(/数据时间/).waitFor({ timeout: 120_000 });
  await page.waitForTimeout(1000);
  for (const [width, height] of [
    [1440, 900],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(500);
    // The page hides overflow, so also look for a tile or panel whose content is cut off.
    const size = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      scrollHeight: document.documentElement.scrollHeight,
      clipped: [...document.querySelectorAll("main, main a, main section")]
        .filter((el) => el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2)
        .map((el) => (el.getAttribute("aria-label") ?? el.textContent ?? "").slice(0, 40)),
    }));
    if (size.scrollWidth > width || size.scrollHeight > height || size.clipped.length > 0) {
      throw new Error(
        `驾驶舱在 ${width}×${height} 下放不下：页面 ${size.scrollWidth}×${size.scrollHeight}，被截断：${size.clipped.join("；")}`,
      );
    }
  }
  mkdirSync(dirname(values.out), { recursive: true });
  await page.screenshot({ path: values.out });
  process.stdout.write(`已保存 ${values.out}\n`);
} finally {
  await browser.close();
}
