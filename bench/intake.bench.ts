import { execFileSync } from "node:child_process";
import { createBenchDatabase, loadTicket, percentile, prepareTenant, startServer } from "./support.ts";

const PORT = 18_090;

async function post(key: string, body: object): Promise<{ ok: boolean; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${PORT}/api/intake/city-tickets`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": key },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return { ok: res.status === 201 || res.status === 200, ms: performance.now() - t0 };
}

/** Closed loop: `workers` clients posting back to back for `seconds`. */
async function sustained(key: string, workers: number, seconds: number) {
  const end = performance.now() + seconds * 1000;
  const lat: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < end) {
        const r = await post(key, loadTicket("S"));
        r.ok ? lat.push(r.ms) : errors++;
      }
    }),
  );
  lat.sort((a, b) => a - b);
  return { rate: lat.length / seconds, p50: percentile(lat, 50), p99: percentile(lat, 99), errors };
}

/** Open loop: requests started at a fixed `rps` regardless of answers, for `seconds`. */
async function fixedRate(key: string, rps: number, seconds: number) {
  const lat: number[] = [];
  let errors = 0;
  const pending: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < rps * seconds; i++) {
    const due = t0 + (i * 1000) / rps;
    const wait = due - performance.now();
    if (wait > 0) {
      await new Promise((r) => setTimeout(r, wait));
    }
    pending.push(post(key, loadTicket("R")).then((r) => void (r.ok ? lat.push(r.ms) : errors++)));
  }
  await Promise.all(pending);
  lat.sort((a, b) => a - b);
  return { p50: percentile(lat, 50), p99: percentile(lat, 99), errors, n: lat.length };
}

function pgbenchTps(url: string): number {
  execFileSync("pgbench", ["-i", "-q", "-s", "10", url], { stdio: "ignore" });
  const out = execFileSync("pgbench", ["-c", "8", "-j", "2", "-T", "15", url], { encoding: "utf8" });
  return Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
}

export async function benchIntake(): Promise<string> {
  const db = createBenchDatabase("zhengwu_bench_intake");
  try {
    const env = { DATABASE_URL: db.url, LOG_LEVEL: "warn" };
    const key = prepareTenant(env);
    const server = await startServer(env, PORT);
    try {
      await sustained(key, 16, 3); // warm-up
      const s = await sustained(key, 32, 15);
      const f = await fixedRate(key, 200, 15);
      await server.stop();
      const tps = pgbenchTps(db.url);
      return `## Work-order intake over HTTP (PostgreSQL 15, server and load generator on the same 2 cores)

Each intake authenticates the API key, checks idempotency, computes both SLA deadlines, looks for
duplicates, and writes the ticket, its first event, the caller and a hash-chained audit entry in one
transaction.

| measure | measured | target | |
| --- | --- | --- | --- |
| sustained intake, 32 concurrent clients, 15 s | ${s.rate.toFixed(0)} tickets/s (p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, ${s.errors} errors) | ≥ 500 tickets/s | ${s.rate >= 500 ? "met" : "NOT met"} |
| fixed 200 requests/s, 15 s (open loop) | p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms (${f.n} ok, ${f.errors} errors) | p99 < 100 ms | ${f.p99 < 100 ? "met" : "NOT met"} |
| ceiling: pgbench TPC-B-like, scale 10, 8 clients, 15 s | ${tps.toFixed(0)} TPS | — | |
`;
    } finally {
      await server.stop();
    }
  } finally {
    db.drop();
  }
}
