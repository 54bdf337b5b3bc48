import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { cli, createBenchDatabase } from "./support.ts";

/** `zhengwu demo load` end to end (org, log-ins, budget, work orders, the hall year) on a fresh database. */
function timeLoad(env: Record<string, string>): { load: string; seconds: number; lines: string[] } {
  const load = loadavg()[0]?.toFixed(2) ?? "?";
  const t0 = performance.now();
  const out = cli(env, "demo", "load", "--tenant", "440114", "--year", "2022");
  return {
    load,
    seconds: (performance.now() - t0) / 1000,
    lines: out.split("\n").filter((l) => /^(工单|大厅 |大厅索引|好差评)/.test(l)),
  };
}

/** Runs per engine: the machine is a shared VM whose speed drifts, so the median of three is given. */
const RUNS = 3;

function median(runs: ReturnType<typeof timeLoad>[]): ReturnType<typeof timeLoad> {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const mid = sorted[Math.floor(sorted.length / 2)];
  if (!mid) {
    throw new Error("no runs");
  }
  return mid;
}

function liteRun(): ReturnType<typeof timeLoad> {
  const dir = mkdtempSync(join(tmpdir(), "zhengwu-bench-demo-"));
  try {
    return timeLoad({ ZHENGWU_DATA_DIR: join(dir, "data"), DATABASE_URL: "" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pgRun(): ReturnType<typeof timeLoad> {
  const db = createBenchDatabase("zhengwu_bench_demo");
  try {
    return timeLoad({ DATABASE_URL: db.url });
  } finally {
    db.drop();
  }
}

export async function benchDemo(): Promise<string> {
  const lites: ReturnType<typeof timeLoad>[] = [];
  const pgs: ReturnType<typeof timeLoad>[] = [];
  for (let i = 0; i < RUNS; i++) {
    lites.push(liteRun());
    pgs.push(pgRun());
  }
  const lite = median(lites);
  const pg = median(pgs);
  const all = (runs: typeof lites) => runs.map((r) => `${r.seconds.toFixed(1)} s (load ${r.load})`).join(", ");
  // Judged on the figure as shown: 89.96 s reads 90.0 s, which is not under 90.
  const row = (engine: string, r: typeof lite, target: number) =>
    `| ${engine} | ${r.seconds.toFixed(1)} s | < ${target} s | ${Number(r.seconds.toFixed(1)) < target ? "met" : "NOT met"} |`;
  return `## Loading the Huadu 2022 demo year (\`zhengwu demo load\`)

A fresh database each time; the whole command: migrations, the org tree and log-ins, the 2022
budget and self-evaluation, the catalog (2,166 items, 11,599 materials), then 311,186 work orders (2021–2022 hotline, AI grid events, deputies'
items) with 1.8 million events and their contacts, and the district centre's 2022: 566,800 queue
tickets, 767,227 service cases, about 94,000 bookings in 28,000 slots, about 108,000 ratings and
131 bad ratings with their rectification tickets. Transactions of at most 4,000 tickets or 9,000
visitors, one statement per table each, small lookup tables as CTEs (no temporary tables but the
centre's visitors); on PostgreSQL the work orders start as soon as the org tree exists and the
centre's year as soon as the halls do, beside the rest of the base, each on two connections (PGlite
has one). The tables start empty, so their plain secondary indexes are built once at the end, two at
a time on PostgreSQL (included in the time; unique ones stay). The machine is a shared VM whose speed
drifts by up to a third within an hour, hence three runs per engine.

| engine | median of ${RUNS} | target | |
| --- | --- | --- | --- |
${row("PGlite", lite, 90)}
${row("PostgreSQL", pg, 30)}

Every run, alternating engines, with the load average (1 min) before it: PGlite ${all(lites)};
PostgreSQL ${all(pgs)}. Batches of the median runs, on PGlite: ${lite.lines.join("; ")}. On PostgreSQL:
${pg.lines.join("; ")}.
Not included: the 基本满意 default ratings of the unrated cases (left to the default-rating job;
some 660,000 more rows). The time is SQL execution (the rows are generated inside the database
from \`generate_series\`; no I/O wait): on PGlite, WebAssembly runs the same plans about 1.5 times
slower than the native server, on one connection.
`;
}
