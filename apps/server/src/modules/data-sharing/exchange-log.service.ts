import { createHash, randomUUID } from "node:crypto";
import type { Db } from "../../platform/db/client.ts";
import {
  appendExchangeRow,
  appendExchangeRows,
  type ExchangeRow,
  nextExchangeLink,
  readExchangeBatch,
  readExchangeHead,
  reserveExchangeLinks,
} from "./exchange-log.repo.ts";

/** One served or refused data-service call, as the log records it. */
export type ExchangeEntry = {
  tenantId: string;
  at: Date;
  consumerUnitId: string;
  consumerPath: string;
  providerPath: string;
  grantId: string | null;
  resourceId: string;
  resourceCode: string;
  fields: string[];
  filter: Record<string, string>;
  rowsReturned: number;
  requestId: string;
  outcome: "served" | "refused";
  reason: string | null;
};

/**
 * The fields a link's hash covers, in a fixed order (the filter's keys sorted): one JSON array, not
 * a generic canonical form, so `exchange verify` hashes a million links in seconds.
 */
type Hashed = Omit<ExchangeRow, "prevHash" | "hash" | "at"> & { at: Date | string };

function hashed(row: Hashed): string {
  const filter = Object.keys(row.filter)
    .sort()
    .map((k) => [k, row.filter[k]]);
  return JSON.stringify([
    row.id,
    row.tenantId,
    row.seq,
    typeof row.at === "string" ? row.at : row.at.toISOString(),
    row.consumerUnitId,
    row.consumerPath,
    row.providerPath,
    row.grantId,
    row.resourceId,
    row.resourceCode,
    row.fields,
    filter,
    row.rowsReturned,
    row.requestId,
    row.outcome,
    row.reason,
  ]);
}

/** The link hash: the row's fields and the previous link's hash (the audit chain's idea). */
export function exchangeHash(prevHash: string, row: Hashed): string {
  return createHash("sha256").update(prevHash).update("\n").update(hashed(row)).digest("hex");
}

export async function logExchange(db: Db, entry: ExchangeEntry): Promise<void> {
  await db.transaction(async (tx) => {
    const { seq, prevHash } = await nextExchangeLink(tx, entry.tenantId);
    const row = { id: randomUUID(), seq, ...entry };
    await appendExchangeRow(tx, { ...row, prevHash, hash: exchangeHash(prevHash, row) });
  });
}

/**
 * Appends many entries in one transaction (a bulk load, e.g. the demo's year of exchange): the
 * links are reserved at once and hashed in order, so the chain is the one `logExchange` called
 * entry by entry would have written.
 */
export async function logExchangeBatch(db: Db, tenantId: string, entries: readonly ExchangeEntry[]): Promise<void> {
  if (entries.length === 0) {
    return;
  }
  await db.transaction(async (tx) => {
    const { firstSeq, prevHash: head } = await reserveExchangeLinks(tx, tenantId, entries.length);
    let prevHash = head;
    const rows = entries.map((entry, i) => {
      const row = { id: randomUUID(), seq: firstSeq + i, ...entry, tenantId };
      const hash = exchangeHash(prevHash, row);
      const linked = { ...row, prevHash, hash };
      prevHash = hash;
      return linked;
    });
    await appendExchangeRows(tx, tenantId, rows);
  });
}

export type ExchangeVerify = { ok: boolean; checked: number; firstBrokenId: string | null; reason: string | null };

/**
 * Walks the tenant's exchange chain from the start and reports the first link that does not hold:
 * an edited row breaks its own hash, a deleted row the sequence, a deleted tail the kept head.
 */
export async function verifyExchangeChain(db: Db, tenantId: string): Promise<ExchangeVerify> {
  let checked = 0;
  let prevHash = "";
  let prevSeq = 0;
  for (;;) {
    const batch = await readExchangeBatch(db, tenantId, prevSeq, 5000);
    for (const row of batch) {
      const broken = (reason: string): ExchangeVerify => ({ ok: false, checked, firstBrokenId: row.id, reason });
      if (row.seq !== prevSeq + 1) {
        return broken(`第 ${prevSeq} 条之后是第 ${row.seq} 条（有记录被删除）`);
      }
      if (row.prevHash !== prevHash) {
        return broken(`第 ${row.seq} 条记录的前序哈希与上一条不符`);
      }
      if (exchangeHash(prevHash, row) !== row.hash) {
        return broken(`第 ${row.seq} 条记录的内容与其哈希不符（记录被修改）`);
      }
      prevHash = row.hash;
      prevSeq = row.seq;
      checked += 1;
    }
    if (batch.length < 5000) {
      break;
    }
  }
  const head = await readExchangeHead(db, tenantId);
  if (head.seq !== prevSeq || head.head !== prevHash) {
    return {
      ok: false,
      checked,
      firstBrokenId: null,
      reason: `交换日志应有 ${head.seq} 条，只找到 ${prevSeq} 条（末尾记录被删除）`,
    };
  }
  return { ok: true, checked, firstBrokenId: null, reason: null };
}
