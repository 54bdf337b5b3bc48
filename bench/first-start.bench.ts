import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { type Database, openPglite, openPostgres } from "../apps/server/src/platform/db/client.ts";
import { queryRows } from "../apps/server/src/platform/db/rows.ts";
import { createBenchDatabase, percentile } from "./support.ts";

const PORT = 18_119;
const BASE = `http://127.0.0.1:${PORT}`;
const LOADED = /2022 年度业务数据已全部加载（(\d+) 秒）/;
const READY = /已就绪/;

/** The parts of the first start's load, each named by the progress line that shows it under way. */
export const LOAD_PHASES: ReadonlyArray<{ name: string; line: RegExp }> = [
  { name: "base (org tree, accounts, budget, catalog)", line: /创建租户/ },
  { name: "work orders (2022 hotline)", line: /工单 GZ2021：/ },
  { name: "work-order index rebuild", line: /工单 DEP：/ },
  { name: "hall year", line: /大厅：已生成至/ },
  { name: "bad ratings and hall index rebuild", line: /大厅 .*来访/ },
];

type Engine = { name: string; env: Record<string, string>; open(): Promise<Database>; drop(): void };

function pgliteEngine(): Engine {
  const dir = mkdtempSync(join(tmpdir(), "zhengwu-bench-first-"));
  const dataDir = join(dir, "data");
  return {
    name: "PGlite",
    env: { ZHENGWU_DATA_DIR: dataDir, DATABASE_URL: "" },
    open: () => openPglite(dataDir),
    drop: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresEngine(): Engine {
  const db = createBenchDatabase("zhengwu_bench_first");
  return { name: "PostgreSQL", env: { DATABASE_URL: db.url }, open: () => openPostgres(db.url, 1), drop: db.drop };
}

type Served = { child: ChildProcess; out: () => string; exited: Promise<void> };

function serve(env: Record<string, string>): Served {
  const child = spawn(process.execPath, ["bin/zhengwu.mjs", "serve"], {
    env: { ...process.env, ...env, PORT: String(PORT), LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return { child, out: () => out, exited };
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function timed(url: string, init: RequestInit = {}): Promise<number | null> {
  const s = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
    await res.arrayBuffer();
    return res.status < 500 ? performance.now() - s : null;
  } catch {
    return null;
  }
}

async function login(): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "dispatcher", password: "Zhengwu@2022" }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  if (!res.ok || !cookie) {
    throw new Error(`login failed: ${res.status}`);
  }
  return cookie;
}

/**
 * Every second, one request each to the login page, `/api/auth/me` and the work-order list, side
 * by side, until `stop()` is true; their latencies (a failed or 5xx answer counts as 60 s).
 */
async function pollClient(stop: () => boolean): Promise<number[]> {
  const cookie = await login();
  const latencies: number[] = [];
  const pending: Array<Promise<void>> = [];
  while (!stop()) {
    for (const [url, init] of [
      [`${BASE}/login`, {}],
      [`${BASE}/api/auth/me`, { headers: { cookie } }],
      [`${BASE}/api/work-orders?pageSize=20`, { headers: { cookie } }],
    ] as const) {
      pending.push(timed(url, init).then((ms) => void latencies.push(ms ?? 60_000)));
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  await Promise.all(pending);
  return latencies.sort((a, b) => a - b);
}

const SEED_TOTALS: Record<string, number> = { "GZ2021-": 100_810, "GZ2022-": 187_454, "AI-": 22_009, "DEP-": 913 };

/** The year's tickets by series and the centre's cases, as the seed gives them; mismatches listed. */
async function checkTotals(engine: Engine): Promise<string[]> {
  const database = await engine.open();
  try {
    const rows = await queryRows<{ p: string; n: number }>(
      database.db,
      sql`select substring(external_no from '^[A-Z0-9]+-') as p, count(*)::int as n from work_orders group by 1`,
    );
    // The seed's 767,227 are the district centre's 2022 (the towns' halls and today's queue come on top).
    const [cases] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from service_cases where hall_level = 'district'
          and finished_at >= '2022-01-01T00:00:00+08:00' and finished_at < '2023-01-01T00:00:00+08:00'`,
    );
    const counts = new Map(rows.map((r) => [r.p, Number(r.n)]));
    const wrong = Object.entries(SEED_TOTALS)
      .filter(([p, n]) => counts.get(p) !== n)
      .map(([p, n]) => `${p} ${counts.get(p) ?? 0} ≠ ${n}`);
    if (Number(cases?.n) !== 767_227) {
      wrong.push(`service_cases ${cases?.n} ≠ 767227`);
    }
    return wrong;
  } finally {
    await database.close();
  }
}

async function stop(s: Served): Promise<void> {
  if (s.child.exitCode === null) {
    s.child.kill("SIGTERM");
  }
  await s.exited;
}

type FirstStart = { readyS: number; loadS: number; p95: number; p99: number; max: number; n: number };

/** A first start on an empty database: latencies through the whole background load. */
async function firstStart(engine: Engine): Promise<FirstStart> {
  const t0 = performance.now();
  const s = serve(engine.env);
  try {
    await until(() => READY.test(s.out()), 600_000, "ready");
    const readyS = (performance.now() - t0) / 1000;
    const latencies = await pollClient(() => LOADED.test(s.out()) || s.child.exitCode !== null);
    const loadS = Number(LOADED.exec(s.out())?.[1] ?? Number.NaN);
    return {
      readyS,
      loadS,
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? Number.NaN,
      n: latencies.length,
    };
  } finally {
    await stop(s);
  }
}

type Crash = { phase: string; answerS: number; readyS: number; finishS: number; p99: number; wrong: string[] };

/**
 * kill -9 once the load shows `phase` under way, start again, and time the first answer of
 * `/healthz`; then the load must finish in the background with the seed's totals.
 */
async function crashAt(engine: Engine, phase: (typeof LOAD_PHASES)[number]): Promise<Crash> {
  const first = serve(engine.env);
  await until(() => phase.line.test(first.out()), 900_000, phase.name);
  // A moment into the part rather than at its first line.
  await new Promise((r) => setTimeout(r, 1500));
  first.child.kill("SIGKILL");
  await first.exited;
  const t0 = performance.now();
  const again = serve(engine.env);
  try {
    let answered = false;
    while (!answered) {
      answered = (await timed(`${BASE}/healthz`)) !== null;
      if (!answered) {
        if (performance.now() - t0 > 900_000) {
          throw new Error("no answer after the crash");
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    const answerS = (performance.now() - t0) / 1000;
    await until(() => READY.test(again.out()), 900_000, "ready after the crash");
    const readyS = (performance.now() - t0) / 1000;
    const latencies = await pollClient(() => LOADED.test(again.out()) || again.child.exitCode !== null);
    const finishS = (performance.now() - t0) / 1000;
    await stop(again);
    return {
      phase: phase.name,
      answerS,
      readyS,
      finishS,
      p99: percentile(latencies, 99),
      wrong: await checkTotals(engine),
    };
  } finally {
    await stop(again);
  }
}

function withEngine<T>(make: () => Engine, run: (e: Engine) => Promise<T>): Promise<T> {
  const engine = make();
  return run(engine).finally(() => engine.drop());
}

const verdict = (ok: boolean) => (ok ? "met" : "NOT met");

/** `npm run bench -- first-start`: the first start's responsiveness on both engines. */
export async function benchFirstStart(): Promise<string> {
  if (spawnSync(process.execPath, ["scripts/ensure-web.mjs"], { stdio: "inherit" }).status !== 0) {
    throw new Error("web build failed");
  }
  const runs: Array<[string, FirstStart]> = [];
  for (const make of [pgliteEngine, postgresEngine]) {
    const name = make === pgliteEngine ? "PGlite" : "PostgreSQL";
    runs.push([name, await withEngine(make, firstStart)]);
  }
  const rows = runs.map(
    ([name, r]) =>
      `| ${name} | ${r.readyS.toFixed(1)} s | ${r.loadS.toFixed(0)} s | ${r.n} | ${r.p95.toFixed(0)} ms | ${r.p99.toFixed(0)} ms | ${r.max.toFixed(0)} ms | < 1000 ms | ${verdict(r.p95 < 1000)} |`,
  );
  return `## First start: responsiveness while the demo year loads

\`zhengwu serve\` on an empty database (web UI built). From "已就绪" until the year is loaded, a
client asks for the login page, \`/api/auth/me\` and the work-order list's first page (as
dispatcher) every second, side by side; a failed answer counts as 60 s. Load time as the server
prints it (README: about three minutes embedded, 45–60 s on PostgreSQL).

| engine | ready | year loaded in | requests | p95 | p99 | max | target p95 | |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}
`;
}

/** `npm run bench -- demo-crash [phase numbers via ZW_CRASH_PHASES=1,3]`: restart after a kill -9 in the load. */
export async function benchDemoCrash(phases: readonly number[], engines: readonly string[]): Promise<string> {
  const results: Array<[string, Crash]> = [];
  for (const engineName of engines) {
    for (const i of phases) {
      const phase = LOAD_PHASES[i];
      if (!phase) {
        continue;
      }
      const make = engineName === "pglite" ? pgliteEngine : postgresEngine;
      results.push([make === pgliteEngine ? "PGlite" : "PostgreSQL", await withEngine(make, (e) => crashAt(e, phase))]);
    }
  }
  const rows = results.map(
    ([engine, r]) =>
      `| ${engine} | ${r.phase} | ${r.answerS.toFixed(1)} s | ${r.readyS.toFixed(1)} s | ${r.finishS.toFixed(0)} s | ${r.p99.toFixed(0)} ms | ${r.wrong.length === 0 ? "seed totals" : r.wrong.join("; ")} | ${verdict(r.answerS < 10 && r.wrong.length === 0)} |`,
  );
  return `## Restart after a kill -9 during the first start's load

The server is killed with SIGKILL 1.5 s after the named part of the demo load began, then started
again: time to the first \`/healthz\` answer (target < 10 s), to "已就绪", and until the year's
load (removing the partial rows in chunks first) finished in the background; p99 of the
once-a-second client meanwhile; and the tickets and cases against the seed's totals.

| engine | killed during | first answer | ready | load finished | p99 meanwhile | totals | |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}
`;
}
