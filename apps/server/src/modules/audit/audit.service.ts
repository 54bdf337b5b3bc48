import { createHash, randomUUID } from "node:crypto";
import type { AuditVerify } from "../../../../../packages/contracts/src/audit.ts";
import { scopeFor } from "../../platform/access-can.ts";
import type { Actor, Ctx } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { READ_AUDIT } from "./audit.policy.ts";
import {
  type AuditFilter,
  type AuditRow,
  appendAuditRow,
  findAuditRows,
  nextChainLink,
  readChainBatch,
  readChainHeads,
} from "./audit.repo.ts";
import { type ChainedFields, chainHash } from "./audit-hash.ts";

export type AuditEvent = {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Org path of the entity, so the entry is visible to those who can see the entity. */
  scopePath?: string | null;
  summary: Record<string, unknown>;
};

type AuditWriter = { db: Db; actor: Actor; clock: Clock; requestId: string | null };

export function actorFields(actor: Actor): Pick<ChainedFields, "actorType" | "actorId" | "actorName"> {
  switch (actor.kind) {
    case "user":
      return { actorType: "user", actorId: actor.userId, actorName: actor.displayName };
    case "api_key":
      return { actorType: "api_key", actorId: actor.keyId, actorName: actor.name };
    case "system":
      return { actorType: "system", actorId: null, actorName: actor.name };
  }
}

/** Parallel chains per tenant: enough that concurrent writers rarely wait on the same head. */
export const AUDIT_STREAMS = 16;

/** An entity's entries stay in one chain; entries without an entity spread by request. */
export function streamOf(key: string): number {
  return 1 + (createHash("sha256").update(key).digest().readUInt16BE(0) % AUDIT_STREAMS);
}

/** Appends one entry to a hash chain of the tenant. Call inside the transaction of the change it records. */
export async function recordAudit(w: AuditWriter, event: AuditEvent): Promise<void> {
  const stream = streamOf(event.entityId ?? w.requestId ?? randomUUID());
  const { seq, prevHash } = await nextChainLink(w.db, w.actor.tenantId, stream);
  const fields: ChainedFields = {
    tenantId: w.actor.tenantId,
    stream,
    seq,
    at: w.clock.now().toISOString(),
    ...actorFields(w.actor),
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId ?? null,
    scopePath: event.scopePath ?? null,
    summary: event.summary,
    requestId: w.requestId,
  };
  const hash = chainHash(prevHash, fields);
  await appendAuditRow(w.db, { ...fields, stream, at: new Date(fields.at), prevHash, hash });
}

/** Lists entries the actor may see (entities in its subtrees). */
export async function findAuditEntries(ctx: Ctx, filter: AuditFilter, page: { page: number; pageSize: number }) {
  const scope = scopeFor(ctx.actor, READ_AUDIT);
  return findAuditRows(ctx.db, ctx.actor.tenantId, scope, filter, {
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  });
}

/** The fields a row's hash covers, as they were when it was written. */
export function chainedFields(row: AuditRow): ChainedFields {
  return {
    tenantId: row.tenantId,
    stream: row.stream === 0 ? undefined : row.stream,
    seq: row.seq,
    at: row.at.toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    scopePath: row.scopePath,
    summary: row.summary,
    requestId: row.requestId,
  };
}

/**
 * Walks each of the tenant's chains from the start and reports the first row whose hash,
 * predecessor or sequence does not match: an edited row breaks its own hash, a deleted row breaks
 * the next link, a deleted tail no longer reaches the head kept for the chain.
 */
export async function verifyAuditChain(db: Db, tenantId: string): Promise<AuditVerify> {
  let checked = 0;
  for (const chain of await readChainHeads(db, tenantId)) {
    let prevHash = "";
    let prevSeq = 0;
    for (;;) {
      const batch = await readChainBatch(db, tenantId, chain.stream, prevSeq, 2000);
      for (const row of batch) {
        const fields = chainedFields(row);
        const broken = (reason: string): AuditVerify => ({ ok: false, checked, firstBrokenId: row.id, reason });
        if (row.seq !== prevSeq + 1) {
          return broken(`链 ${chain.stream}：第 ${prevSeq} 条之后是第 ${row.seq} 条（有记录被删除）`);
        }
        if (row.prevHash !== prevHash) {
          return broken(`链 ${chain.stream}：第 ${row.seq} 条记录的前序哈希与上一条不符`);
        }
        if (chainHash(prevHash, fields) !== row.hash) {
          return broken(`链 ${chain.stream}：第 ${row.seq} 条记录的内容与其哈希不符（记录被修改）`);
        }
        prevHash = row.hash;
        prevSeq = row.seq;
        checked += 1;
      }
      if (batch.length < 2000) {
        break;
      }
    }
    if (chain.seq !== prevSeq || chain.head !== prevHash) {
      return {
        ok: false,
        checked,
        firstBrokenId: null,
        reason: `链 ${chain.stream} 应有 ${chain.seq} 条，只找到 ${prevSeq} 条（末尾记录被删除）`,
      };
    }
  }
  return { ok: true, checked, firstBrokenId: null, reason: null };
}
