import { type ChildProcess, execFileSync, spawn } from "node:child_process";

export const PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** A fresh PostgreSQL database on the local server, dropped by the returned function. */
export function createBenchDatabase(prefix: string): { url: string; drop(): void } {
  const name = `${prefix}_${Date.now().toString(36)}`;
  execFileSync("psql", [PG_ADMIN_URL, "-qc", `create database ${name}`]);
  return {
    url: `postgres://postgres@127.0.0.1:5432/${name}`,
    drop: () => execFileSync("psql", [PG_ADMIN_URL, "-qc", `drop database if exists ${name} with (force)`]),
  };
}

/** Runs the CLI and returns its output. */
export function cli(env: Record<string, string>, ...args: string[]): string {
  return execFileSync(process.execPath, ["bin/zhengwu.mjs", ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
}

/** Loads the demo tenant and returns an intake key (tickets:write). */
export function prepareTenant(env: Record<string, string>): string {
  cli(env, "demo", "load");
  const out = cli(env, "apikey", "create", "--name", "压测", "--scope", "tickets:write");
  const key = /zwk_\S+/.exec(out)?.[0];
  if (!key) {
    throw new Error(`no key in: ${out}`);
  }
  return key;
}

export type Server = { child: ChildProcess; stop(): Promise<void>; kill9(): void };

/** Starts `zhengwu serve` and resolves once /healthz answers. */
export async function startServer(env: Record<string, string>, port: number): Promise<Server> {
  const child = spawn(process.execPath, ["bin/zhengwu.mjs", "serve"], {
    env: { ...process.env, ...env, PORT: String(port), ZHENGWU_DEMO: "false" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    kill9: () => child.kill("SIGKILL"),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

let seq = 0;
/** A city ticket with a unique number for load tests. */
export function loadTicket(prefix: string) {
  seq += 1;
  const categories = ["consult", "help", "complaint", "report", "suggestion"] as const;
  return {
    cityTicketNo: `${prefix}${seq.toString().padStart(8, "0")}`,
    receivedAt: new Date().toISOString(),
    category: categories[seq % 5],
    title: `压测工单${seq}：道路积水`,
    content: `第${seq}件：某路段积水严重，影响通行，请尽快处理。`,
    callerPhone: `138${String(seq).padStart(8, "0")}`.slice(0, 11),
    townCode: "440114109",
  };
}
