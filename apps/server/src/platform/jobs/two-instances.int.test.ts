import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildHall, type TestHall } from "../../../test/factories/hall.factory.ts";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { buildUser, type TestUser } from "../../../test/factories/user.factory.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { systemClock } from "../clock.ts";
import { type Database, openPostgres } from "../db/client.ts";
import { migrateDatabase } from "../db/migrate.ts";
import { queryRows } from "../db/rows.ts";

/**
 * Two `zhengwu serve` processes on one PostgreSQL database, as behind a load balancer. Needs a
 * server: skipped on the embedded database (which one process holds at a time).
 */
const baseUrl = inject("databaseUrl");
const BIN = fileURLToPath(new URL("../../../../../bin/zhengwu.mjs", import.meta.url));
const PORTS = [18020, 18021] as const;
const TICK_SECONDS = 2;

type Proc = { child: ChildProcess; base: string; output: string[] };

let admin: Database;
let own: Database;
let ownName: string;
let ownUrl: string;
let tenant: TestTenant;
let hall: TestHall;
let staff: TestUser;
let rootAdmin: TestUser;
const procs: Proc[] = [];

function startServer(port: number): Promise<Proc> {
  const output: string[] = [];
  const child = spawn(process.execPath, [BIN, "serve"], {
    env: {
      PATH: process.env.PATH,
      TZ: "UTC",
      NODE_ENV: "test",
      DATABASE_URL: ownUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      ZHENGWU_DEMO: "false",
      LOG_LEVEL: "silent",
      ZHENGWU_JOB_EVERY_SECONDS: String(TICK_SECONDS),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const proc = { child, base: `http://127.0.0.1:${port}`, output };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server on ${port} not ready:\n${output.join("")}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join("").includes("已就绪")) {
        clearTimeout(timer);
        resolve(proc);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => output.push(c.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server on ${port} exited with ${code}:\n${output.join("")}`));
    });
  });
}

async function stopServer(p: Proc): Promise<void> {
  if (p.child.exitCode !== null) {
    return;
  }
  const exited = new Promise((r) => p.child.once("exit", r));
  p.child.kill("SIGTERM");
  const timer = setTimeout(() => p.child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Reads Server-Sent Events until a board event satisfies `until`, or fails after `ms`. */
async function waitForBoard(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  until: (board: { waiting: { prefix: string; count: number }[] }) => boolean,
  ms: number,
): Promise<boolean> {
  const decoder = new TextDecoder();
  const deadline = Date.now() + ms;
  let buf = "";
  while (Date.now() < deadline) {
    const next = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
    ]);
    if (next === null || next.done) {
      return false;
    }
    buf += decoder.decode(next.value, { stream: true });
    for (let i = buf.indexOf("\n\n"); i >= 0; i = buf.indexOf("\n\n")) {
      const frame = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const data = frame.split("\n").find((l) => l.startsWith("data: "));
      if (frame.includes("event: board") && data && until(JSON.parse(data.slice(6)))) {
        return true;
      }
    }
  }
  return false;
}

const waitingA = (b: { waiting: { prefix: string; count: number }[] }) =>
  b.waiting.find((w) => w.prefix === "A")?.count ?? 0;

describe.skipIf(!baseUrl)("two server processes on one PostgreSQL (skipped: set DATABASE_URL to run)", () => {
  beforeAll(async () => {
    admin = await openPostgres(baseUrl ?? "", 2);
    ownName = `zw_two_${randomBytes(4).toString("hex")}`;
    await admin.db.execute(sql.raw(`create database ${ownName}`));
    const current = (await queryRows<{ d: string }>(admin.db, sql`select current_database() as d`))[0]?.d ?? "";
    ownUrl = (baseUrl ?? "").replace(new RegExp(`/${current}(\\?|$)`), `/${ownName}$1`);
    own = await openPostgres(ownUrl, 2);
    await migrateDatabase(own);
    tenant = await buildTenant(own.db);
    hall = await buildHall(own.db, tenant.id, tenant.units.a1.id, systemClock, { workdays: 1 });
    staff = await buildUser(own.db, tenant.id, tenant.units.a1.id, ["hall_staff"]);
    rootAdmin = await buildUser(own.db, tenant.id, tenant.units.root.id, ["admin"]);
    // One after the other: both would migrate pg-boss's schema at once otherwise (it locks, but slower).
    for (const port of PORTS) {
      procs.push(await startServer(port));
    }
  }, 200_000);

  afterAll(async () => {
    await Promise.all(procs.map(stopServer));
    await own?.close();
    await admin?.db.execute(sql.raw(`drop database if exists ${ownName} with (force)`));
    await admin?.close();
  }, 60_000);

  const a = () => {
    const p = procs[0];
    if (!p) {
      throw new Error("process A not started");
    }
    return p;
  };
  const b = () => {
    const p = procs[1];
    if (!p) {
      throw new Error("process B not started");
    }
    return p;
  };

  it("a board event produced through A reaches a screen connected to B", async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${b().base}/api/public/halls/${hall.id}/board/events`, { signal: ctrl.signal });
    const reader = res.body?.getReader();
    if (!reader) {
      throw new Error("no stream");
    }
    expect(await waitForBoard(reader, (board) => waitingA(board) === 0, 5000)).toBe(true);
    const checkIn = await fetch(`${a().base}/api/halls/${hall.id}/check-ins`, {
      method: "POST",
      headers: { ...authHeaders(staff), "content-type": "application/json" },
      body: JSON.stringify({ kind: "walk_in", groupId: hall.groups[0]?.id, itemCode: "I-A1" }),
    });
    expect(checkIn.status).toBe(201);
    expect(await waitForBoard(reader, (board) => waitingA(board) === 1, 5000)).toBe(true);
    ctrl.abort();
  }, 30_000);

  it("a session signed out on A, and a user disabled on A, are refused on B", async () => {
    const me = (p: Proc, user: TestUser) => fetch(`${p.base}/api/auth/me`, { headers: authHeaders(user) });
    const leaving = await buildUser(own.db, tenant.id, tenant.units.a1.id, ["hall_staff"]);
    expect((await me(b(), leaving)).status).toBe(200);
    const out = await fetch(`${a().base}/api/auth/logout`, { method: "POST", headers: authHeaders(leaving) });
    expect(out.status).toBeLessThan(300);
    expect((await me(b(), leaving)).status).toBe(401);

    const disabled = await buildUser(own.db, tenant.id, tenant.units.a1.id, ["hall_staff"]);
    expect((await me(b(), disabled)).status).toBe(200);
    const patch = await fetch(`${a().base}/api/users/${disabled.id}`, {
      method: "PATCH",
      headers: { ...authHeaders(rootAdmin), "content-type": "application/json" },
      body: JSON.stringify({ disabled: true }),
    });
    expect(patch.status).toBe(200);
    expect((await me(b(), disabled)).status).toBe(401);
  }, 30_000);

  it("each periodic job runs once per tick across both processes, and the admin sees the runs", async () => {
    // Let both processes tick a few times.
    await new Promise((r) => setTimeout(r, 4 * TICK_SECONDS * 1000));
    const runs = await queryRows<{ job: string; slot: string; n: number }>(
      own.db,
      sql`select job, slot::text as slot, count(*)::int as n from job_runs where attempt = 1 group by job, slot order by job, slot`,
    );
    const jobs = new Set(runs.map((r) => r.job));
    expect([...jobs].sort()).toEqual([
      "data-request-reminders",
      "default-ratings",
      "deferrals",
      "escalation",
      "export-tasks",
      "hall-slots",
      "prune",
    ]);
    for (const job of jobs) {
      expect(runs.filter((r) => r.job === job).length).toBeGreaterThanOrEqual(2);
    }
    // Both processes asked for every tick; one run each.
    expect(runs.filter((r) => r.n !== 1)).toEqual([]);
    const res = await fetch(`${b().base}/api/jobs/runs?job=escalation`, { headers: authHeaders(rootAdmin) });
    expect(res.status).toBe(200);
    const body: { total: number } = await res.json();
    expect(body.total).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
