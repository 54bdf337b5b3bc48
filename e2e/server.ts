import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";

export type RunningServer = { url: string; stop(): Promise<void> };

/** Builds the UI if needed and starts `zhengwu serve` on a fresh embedded database. */
export async function startServer(port: number, env: Record<string, string> = {}): Promise<RunningServer> {
  const build = spawnSync(process.execPath, ["scripts/ensure-web.mjs"], { stdio: "inherit" });
  if (build.status !== 0) {
    throw new Error("web build failed");
  }
  const dir = mkdtempSync(join(tmpdir(), "zhengwu-e2e-"));
  const child: ChildProcess = spawn(process.execPath, ["bin/zhengwu.mjs", "serve"], {
    env: { ...process.env, ZHENGWU_DATA_DIR: join(dir, "data"), PORT: String(port), DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server not ready:\n${out}`)), 120_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("已就绪")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return {
    url: `http://localhost:${port}`,
    stop: async () => {
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's chromium, headless, with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
