import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Time from spawning `zhengwu serve` to its "ready" line (demo loaded, URL printed). */
function timeStart(dataDir: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child: ChildProcess = spawn(process.execPath, ["bin/zhengwu.mjs", "serve"], {
      env: { ...process.env, ZHENGWU_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: "" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server not ready in 120 s:\n${out}`));
    }, 120_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("已就绪")) {
        const seconds = (performance.now() - started) / 1000;
        clearTimeout(timer);
        child.once("exit", () => resolve(seconds));
        child.kill("SIGTERM");
      }
    });
  });
}

const row = (name: string, value: string, target: string, ok: boolean) =>
  `| ${name} | ${value} | ${target} | ${ok ? "met" : "NOT met"} |`;

export async function benchStartup(): Promise<string> {
  rmSync("dist/web", { recursive: true, force: true });
  const t0 = performance.now();
  const build = spawnSync(process.execPath, ["scripts/ensure-web.mjs"], { stdio: "inherit" });
  if (build.status !== 0) {
    throw new Error("web build failed");
  }
  const webBuildS = (performance.now() - t0) / 1000;
  const dir = mkdtempSync(join(tmpdir(), "zhengwu-bench-"));
  try {
    const dataDir = join(dir, "data");
    const firstStartS = await timeStart(dataDir, 18_080);
    const secondStartS = await timeStart(dataDir, 18_080);
    return `## Start-up (embedded PGlite, demo tenant 440114)

| measure | measured | target | |
| --- | --- | --- | --- |
${row("web UI build (first `npm start` after `npm ci`)", `${webBuildS.toFixed(1)} s`, "part of the 60 s", true)}
${row("first start: migrate, load the demo, ready URL", `${firstStartS.toFixed(1)} s`, "—", true)}
${row("first start to ready URL, build included", `${(webBuildS + firstStartS).toFixed(1)} s`, "< 60 s", webBuildS + firstStartS < 60)}
${row("second start (data reused, UI built)", `${secondStartS.toFixed(1)} s`, "< 5 s", secondStartS < 5)}
`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
