import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";

export type RunningServer = {
  url: string;
  stop(): Promise<void>;
  /** Resolves when the server's output contains `text` (e.g. the demo year finished loading). */
  waitForOutput(text: string, timeoutMs: number): Promise<void>;
};

/** Builds the UI if needed and starts `zhengwu serve` on a fresh embedded database. */
export async function startServer(
  port: number,
  opts: { demoYear?: boolean; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const build = spawnSync(process.execPath, ["scripts/ensure-web.mjs"], { stdio: "inherit" });
  if (build.status !== 0) {
    throw new Error("web build failed");
  }
  const dir = mkdtempSync(join(tmpdir(), "zhengwu-e2e-"));
  const child: ChildProcess = spawn(process.execPath, ["bin/zhengwu.mjs", "serve"], {
    env: {
      ...process.env,
      ZHENGWU_DATA_DIR: join(dir, "data"),
      PORT: String(port),
      DATABASE_URL: "",
      // The year of operations takes a minute to generate; only the tests that need it wait for it.
      ZHENGWU_DEMO_YEAR: String(opts.demoYear ?? false),
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    // A first start loads the demo base; on a busy two-core machine that can take minutes.
    const timer = setTimeout(() => reject(new Error(`server not ready:\n${out}`)), 300_000);
    child.stdout?.on("data", () => {
      if (out.includes("已就绪")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return {
    url: `http://localhost:${port}`,
    waitForOutput: async (text, timeoutMs) => {
      const until = Date.now() + timeoutMs;
      while (!out.includes(text)) {
        if (Date.now() > until) {
          throw new Error(`server never printed ${text}:\n${out.slice(-2000)}`);
        }
        await new Promise((r) => setTimeout(r, 500));
      }
    },
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
