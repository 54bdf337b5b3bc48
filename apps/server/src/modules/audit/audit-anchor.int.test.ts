import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { openOwnTestDatabase } from "../../../test/test-db.ts";
import type { SystemActor } from "../../platform/actor.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { auditLog } from "./audit.schema.ts";
import { chainedFields, recordAudit, verifyAuditChain } from "./audit.service.ts";
import { scheduleAuditCheckpoints } from "./audit-anchor.job.ts";
import { verifyAuditAnchors, writeAuditCheckpoint } from "./audit-anchor.service.ts";
import { parseAnchorLines, publicKeyText, signAnchor } from "./audit-anchor.ts";
import { chainHash } from "./audit-hash.ts";

// Its own database: the truncation case empties the whole audit log, which a shared server must not see.
let own: Awaited<ReturnType<typeof openOwnTestDatabase>>;
let database: Database;
let tenant: TestTenant;
const keys = generateKeyPairSync("ed25519");
const dir = mkdtempSync(join(tmpdir(), "zhengwu-anchor-"));
let anchorFile: string;
let runs = 0;

beforeAll(async () => {
  own = await openOwnTestDatabase();
  database = own.database;
});
afterAll(async () => {
  await own.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function record(n: number, entityId = "one-entity") {
  const actor: SystemActor = { kind: "system", tenantId: tenant.id, name: "测试" };
  for (let i = 0; i < n; i++) {
    await recordAudit(
      { db: database.db, actor, clock: systemClock, requestId: `r${i}` },
      { action: "test.event", entityType: "thing", entityId, summary: { i } },
    );
  }
}

beforeEach(async () => {
  tenant = await buildTenant(database.db);
  anchorFile = join(dir, `anchors-${runs++}.jsonl`);
  await record(5);
  await record(2, "other-entity");
  await writeAuditCheckpoint(database.db, {
    privateKey: keys.privateKey,
    clock: systemClock,
    anchorFile,
    tenantCode: tenant.code,
    log: () => {},
  });
  // Entries after the anchor: the anchor cannot vouch for these.
  await record(2);
});

const anchors = () => parseAnchorLines(readFileSync(anchorFile, "utf8")).anchors;
const verify = () => verifyAuditAnchors(database.db, tenant, anchors(), keys.publicKey);

/** What an insider with superuser rights can do: switch the guards off for one statement. */
async function asInsider(fn: (tx: Database["db"]) => Promise<void>) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger user`);
    await fn(tx);
    await tx.execute(sql`alter table audit_log enable trigger user`);
  });
}

async function chainRows(entityId: string) {
  const [first] = await queryRows<{ stream: number }>(
    database.db,
    sql`select stream from audit_log where tenant_id = ${tenant.id} and entity_id = ${entityId} limit 1`,
  );
  const rows = await database.db
    .select()
    .from(auditLog)
    .where(sql`${auditLog.tenantId} = ${tenant.id} and ${auditLog.stream} = ${first?.stream ?? -1}`)
    .orderBy(auditLog.seq);
  return rows;
}

describe("TRUNCATE on the audit tables", () => {
  it("is refused by a trigger", async () => {
    await expect(database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    await expect(database.db.execute(sql`truncate audit_chains, audit_log`)).rejects.toThrow();
    expect(await verifyAuditChain(database.db, tenant.id)).toMatchObject({ ok: true });
  });
});

describe("checkpoints", () => {
  it("sign every non-empty chain's head and append them as JSON lines", async () => {
    const written = anchors();
    expect(written).toHaveLength(2);
    expect(written.map((a) => a.seq).sort()).toEqual([2, 5]);
    expect(written.every((a) => a.tenantCode === tenant.code)).toBe(true);
    await writeAuditCheckpoint(database.db, {
      privateKey: keys.privateKey,
      clock: systemClock,
      anchorFile,
      tenantCode: tenant.code,
      log: () => {},
    });
    expect(anchors()).toHaveLength(4);
    expect(await verify()).toMatchObject({ ok: true, checkedRows: 9, checkedAnchors: 4 });
  });

  it("refuse an anchor whose fields were changed or that another key signed", async () => {
    const [first, ...rest] = anchors();
    if (!first) {
      throw new Error("no anchor");
    }
    const moved = { ...first, seq: first.seq - 1 };
    expect((await verifyAuditAnchors(database.db, tenant, [moved, ...rest], keys.publicKey)).reason).toContain(
      "签名无效",
    );
    const other = generateKeyPairSync("ed25519");
    const forged = signAnchor(first, other.privateKey);
    expect((await verifyAuditAnchors(database.db, tenant, [forged], keys.publicKey)).ok).toBe(false);
  });
});

describe("the server's checkpoint job", () => {
  it("writes one at shutdown with the configured key, and refuses a key that is not the configured pair", async () => {
    const keyFile = join(dir, `key-${runs}.pem`);
    writeFileSync(keyFile, keys.privateKey.export({ type: "pkcs8", format: "pem" }));
    const other = publicKeyText(generateKeyPairSync("ed25519").publicKey);
    expect(() => scheduleAuditCheckpoints(database.db, { keyFile, publicKey: other, anchorFile }, () => {})).toThrow(
      /不是一对/,
    );
    const logged: string[] = [];
    const job = scheduleAuditCheckpoints(
      database.db,
      { keyFile, publicKey: publicKeyText(keys.publicKey), anchorFile },
      (l) => logged.push(l),
    );
    const before = anchors().length;
    await job.final();
    const mine = anchors().slice(before);
    expect(
      mine
        .filter((a) => a.tenantId === tenant.id)
        .map((a) => a.seq)
        .sort(),
    ).toEqual([2, 7]);
    expect(logged.some((l) => l.includes(`"tenantCode":"${tenant.code}"`))).toBe(true);
    expect(await verify()).toMatchObject({ ok: true });
  });
});

describe("audit verify with anchors detects what the chain alone cannot", () => {
  it("an edited row whose chain and head were recomputed", async () => {
    const rows = await chainRows("one-entity");
    await asInsider(async (tx) => {
      let prev = rows[1]?.hash ?? "";
      for (const row of rows.slice(2)) {
        const summary = row.seq === 3 ? { i: 999 } : row.summary;
        const hash = chainHash(prev, { ...chainedFields(row), summary });
        await tx.execute(sql`update audit_log set summary = ${JSON.stringify(summary)}::jsonb, prev_hash = ${prev},
            hash = ${hash} where id = ${row.id}`);
        prev = hash;
      }
      await tx.execute(sql`update audit_chains set head = ${prev}
          where tenant_id = ${tenant.id} and stream = ${rows[0]?.stream ?? -1}`);
    });
    expect(await verifyAuditChain(database.db, tenant.id)).toMatchObject({ ok: true });
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.reason).toContain("改写");
  });

  it("a deleted tail with the head moved back", async () => {
    const rows = await chainRows("one-entity");
    const keep = rows[2];
    if (!keep) {
      throw new Error("short chain");
    }
    await asInsider(async (tx) => {
      await tx.execute(sql`delete from audit_log where tenant_id = ${tenant.id} and stream = ${keep.stream}
          and seq > ${keep.seq}`);
      await tx.execute(sql`update audit_chains set seq = ${keep.seq}, head = ${keep.hash}
          where tenant_id = ${tenant.id} and stream = ${keep.stream}`);
    });
    expect(await verifyAuditChain(database.db, tenant.id)).toMatchObject({ ok: true });
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.reason).toContain("已不存在");
  });

  it("a truncated log and emptied heads", async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger user`);
      await tx.execute(sql`alter table audit_chains disable trigger user`);
      await tx.execute(sql`truncate audit_log, audit_chains`);
      await tx.execute(sql`alter table audit_chains enable trigger user`);
      await tx.execute(sql`alter table audit_log enable trigger user`);
    });
    expect(await verifyAuditChain(database.db, tenant.id)).toMatchObject({ ok: true, checked: 0 });
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.reason).toContain("清空");
  });

  it("but not changes after the last anchor (documented limit)", async () => {
    const rows = await chainRows("one-entity");
    const last = rows.at(-1);
    const before = rows.at(-2);
    if (!last || !before) {
      throw new Error("short chain");
    }
    await asInsider(async (tx) => {
      await tx.execute(sql`delete from audit_log where id = ${last.id}`);
      await tx.execute(sql`update audit_chains set seq = ${before.seq}, head = ${before.hash}
          where tenant_id = ${tenant.id} and stream = ${last.stream}`);
    });
    expect((await verify()).ok).toBe(true);
  });
});
