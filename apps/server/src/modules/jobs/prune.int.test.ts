import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setUpHarness } from "../../../test/harness.ts";
import type { SystemActor } from "../../platform/actor.ts";
import { fixedClock, systemClock } from "../../platform/clock.ts";
import { loadConfig } from "../../platform/config.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { publicKeyText } from "../audit/audit-anchor.ts";
import { loginFailures } from "../auth/auth.schema.ts";
import { jobRuns } from "./jobs.schema.ts";
import { jobRunLog } from "./jobs.service.ts";
import { periodicJobs } from "./periodic-jobs.ts";

const h = setUpHarness();
const DAY = 86_400_000;
const MINUTE = 60_000;

describe("housekeeping on the job queue", () => {
  it("deletes job runs after 90 days and throttle counters whose window and block are over", async () => {
    const db = h.database.db;
    const now = new Date();
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent" });
    const lockMs = config.auth.lockMs;
    const log = jobRunLog(db);
    const run = (at: Date) =>
      log.started({ job: "escalation", queueJobId: randomUUID(), slot: at, attempt: 1, host: "t", startedAt: at });
    const oldRun = await run(new Date(now.getTime() - 91 * DAY));
    const keptRun = await run(new Date(now.getTime() - 89 * DAY));
    const tag = randomUUID();
    const proof = (name: string, startedAt: Date) =>
      db.execute(
        sql`insert into proof_failures (bucket, failures, window_started_at) values (${`${tag}:${name}`}, 3, ${startedAt.toISOString()})`,
      );
    await proof("over", new Date(now.getTime() - 61 * MINUTE));
    await proof("open", new Date(now.getTime() - 10 * MINUTE));
    const key = (name: string) => `${tag}:${name}`;
    await db.insert(loginFailures).values([
      { key: key("stale"), failures: 2, windowStartedAt: new Date(now.getTime() - 3 * lockMs), blockedUntil: null },
      {
        key: key("blocked"),
        failures: 9,
        windowStartedAt: new Date(now.getTime() - 3 * lockMs),
        blockedUntil: new Date(now.getTime() + 5 * MINUTE),
      },
      { key: key("fresh"), failures: 1, windowStartedAt: new Date(now.getTime() - MINUTE), blockedUntil: null },
    ]);

    const prune = periodicJobs({ db, clock: fixedClock(now), config, say: () => {} }).find((j) => j.name === "prune");
    expect(prune, "a periodic job named prune").toBeDefined();
    const outcome = await prune?.run();
    expect(outcome?.summary.jobRuns).toBeGreaterThanOrEqual(1);

    const runs = await db
      .select({ id: jobRuns.id })
      .from(jobRuns)
      .where(inArray(jobRuns.id, [oldRun, keptRun]));
    expect(runs.map((r) => r.id)).toEqual([keptRun]);
    const proofs = await queryRows<{ bucket: string }>(
      db,
      sql`select bucket from proof_failures where bucket like ${`${tag}:%`} order by bucket`,
    );
    expect(proofs.map((r) => r.bucket)).toEqual([`${tag}:open`]);
    const logins = await db
      .select({ key: loginFailures.key })
      .from(loginFailures)
      .where(inArray(loginFailures.key, [key("stale"), key("blocked"), key("fresh")]));
    expect(logins.map((r) => r.key).sort()).toEqual([key("blocked"), key("fresh")].sort());
  });

  it("signs audit checkpoints as a periodic job when a signing key is configured, and not otherwise", async () => {
    const dir = mkdtempSync(join(tmpdir(), "zhengwu-jobs-anchor-"));
    try {
      const keys = generateKeyPairSync("ed25519");
      const keyFile = join(dir, "key.pem");
      const anchorFile = join(dir, "anchors.jsonl");
      writeFileSync(keyFile, keys.privateKey.export({ type: "pkcs8", format: "pem" }));
      const actor: SystemActor = { kind: "system", tenantId: h.tenant.id, name: "测试" };
      await recordAudit(
        { db: h.database.db, actor, clock: systemClock, requestId: null },
        { action: "test.anchor", entityType: "test", summary: {} },
      );
      const deps = (env: Record<string, string>) => ({
        db: h.database.db,
        clock: systemClock,
        config: loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...env }),
        say: () => {},
      });
      expect(periodicJobs(deps({})).map((j) => j.name)).not.toContain("audit-checkpoint");
      const signed = deps({
        ZHENGWU_AUDIT_KEY_FILE: keyFile,
        ZHENGWU_AUDIT_PUBLIC_KEY: publicKeyText(keys.publicKey),
        ZHENGWU_AUDIT_ANCHOR_FILE: anchorFile,
      });
      const job = periodicJobs(signed).find((j) => j.name === "audit-checkpoint");
      expect(job?.everyMs).toBe(3600_000);
      const outcome = await job?.run();
      expect(outcome?.rows).toBeGreaterThanOrEqual(1);
      expect(readFileSync(anchorFile, "utf8")).toContain(h.tenant.id);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
