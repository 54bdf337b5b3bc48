#!/usr/bin/env node
// Builds the web UI when dist/web is missing or older than its sources, so `npm start` serves the
// current UI without a separate build step; a second start skips it.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const target = "dist/web/index.html";
function newest(dir) {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}
const sources = Math.max(newest("apps/web"), newest("packages/contracts/src"), statSync("vite.config.ts").mtimeMs);
if (existsSync(target) && statSync(target).mtimeMs >= sources) {
  process.exit(0);
}
process.stdout.write("[zhengwu] 构建网页界面（首次启动或界面有更新）…\n");
const started = Date.now();
// Always the production build: run from a test runner (NODE_ENV=test) vite would otherwise bundle
// React's development code, and `npm start` later finds that build fresh and serves it.
const res = spawnSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
if (res.status !== 0) {
  process.stderr.write("网页界面构建失败\n");
  process.exit(res.status ?? 1);
}
process.stdout.write(`[zhengwu] 网页界面已构建（${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`);
