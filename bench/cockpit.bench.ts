import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { cli, createBenchDatabase, percentile, startServer } from "./support.ts";

/*
 * The cockpit's one summary endpoint under wall screens: SCREENS browsers each asking once a second
 * for DURATION_MS, against a server on the loaded demo year with its clock on a 2022 working day
 * (NODE_ENV=test + ZHENGWU_TEST_NOW, so "today" has calls, visitors and a queue).
 */
const SCREENS = 20;
const DURATION_MS = 60_000;
const TODAY = "2022-12-28T10:30:00+08:00";
const PASSWORD = "Zhengwu@2022";

type Result = {
  requests: number;
  failures: number;
  firstMs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  load: string;
};

async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) {
    throw new Error(`${username} could not sign in: ${res.status}`);
  }
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

async function timed(base: string, cookie: string): Promise<{ ms: number; ok: boolean }> {
  const t0 = performance.now();
  const res = await fetch(`${base}/api/dashboard/cockpit`, { headers: { cookie } });
  await res.arrayBuffer();
  return { ms: performance.now() - t0, ok: res.ok };
}

/** SCREENS screens, half the leader's and half the supervisor's (two cache entries), each polling every second. */
async function drive(base: string): Promise<Result> {
  const cookies = [await signIn(base, "leader"), await signIn(base, "supervisor")];
  // The first computation of each reader, before any cache: what a screen waits for when it opens.
  const first = await timed(base, cookies[0] ?? "");
  await timed(base, cookies[1] ?? "");
  const samples: number[] = [];
  let failures = 0;
  const until = Date.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: SCREENS }, async (_, i) => {
      // Screens opened at different moments: spread over the second.
      await new Promise((r) => setTimeout(r, (i * 1000) / SCREENS));
      while (Date.now() < until) {
        const started = Date.now();
        const r = await timed(base, cookies[i % cookies.length] ?? "");
        samples.push(r.ms);
        failures += r.ok ? 0 : 1;
        await new Promise((res) => setTimeout(res, Math.max(0, 1000 - (Date.now() - started))));
      }
    }),
  );
  samples.sort((a, b) => a - b);
  return {
    requests: samples.length,
    failures,
    firstMs: first.ms,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples[samples.length - 1] ?? Number.NaN,
    load: loadavg()
      .map((l) => l.toFixed(2))
      .join(" "),
  };
}

async function measure(env: Record<string, string>, port: number): Promise<Result> {
  cli(env, "demo", "load", "--tenant", "440114", "--year", "2022");
  const server = await startServer({ ...env, NODE_ENV: "test", ZHENGWU_TEST_NOW: TODAY }, port);
  try {
    return await drive(`http://127.0.0.1:${port}`);
  } finally {
    await server.stop();
  }
}

const ms = (x: number) => `${x.toFixed(0)} ms`;

/** The cockpit summary under 20 screens; PostgreSQL by default, PGlite when `--engines` names it. */
export async function benchCockpit(engines: readonly string[]): Promise<string> {
  const rows: string[] = [];
  if (engines.includes("postgres")) {
    const db = createBenchDatabase("zhengwu_bench_cockpit");
    try {
      const r = await measure({ DATABASE_URL: db.url }, 18_931);
      rows.push(row("PostgreSQL", r, 300));
    } finally {
      db.drop();
    }
  }
  if (engines.includes("pglite")) {
    const dir = join(tmpdir(), `zhengwu-bench-cockpit-${Date.now().toString(36)}`);
    const r = await measure({ DATABASE_URL: "", ZHENGWU_DATA_DIR: dir }, 18_932);
    rows.push(row("PGlite", r, 800));
  }
  return `## Cockpit summary under ${SCREENS} screens

\`GET /api/dashboard/cockpit\` from ${SCREENS} simulated wall screens, each asking once a second for
${DURATION_MS / 1000} s (half signed in as \`leader\`, half as \`supervisor\`), against \`zhengwu serve\`
on the loaded demo year with its clock at ${TODAY}. Freshness: the server computes the summary once
per reader's grants and day and serves that copy for its \`maxAgeSeconds\` (30 s); the first request
after that starts one recomputation in the background and, like every request until it is done, gets
the last copy (never more than 60 s old). "first" is one reader's summary on an empty cache: what
the first screen of a reader waits for when it opens.
Load average (1/5/15 min) at the end of the run shown, as the machine is shared.

| engine | requests | failed | first | p50 | p95 | p99 | max | load avg | target p95 |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join("\n")}
`;
}

function row(engine: string, r: Result, target: number): string {
  const met = r.p95 < target ? "met" : "NOT met";
  return `| ${engine} | ${r.requests} | ${r.failures} | ${ms(r.firstMs)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.load} | < ${target} ms (${met}) |`;
}
