import { randomUUID } from "node:crypto";
import type { Db } from "../../platform/db/client.ts";
import { appendExchangeRows, checkExchangeLinks, readExchangeHead } from "./exchange-log.repo.ts";

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

type Waiting = { entry: ExchangeEntry & { id: string }; resolve: () => void; reject: (e: unknown) => void };
type Queue = { waiting: Waiting[]; writing: boolean };

// Per database handle: calls that arrive while a write is under way go together in the next one.
const queues = new WeakMap<Db, Queue>();

/**
 * Appends one call to the tenant's chain (the database links and hashes it, under the head's lock)
 * and resolves once it is committed, so a call is never answered before its log entry is stored.
 * Every append takes the head's lock and waits for its commit; under load one statement per call
 * queued the calls behind each other's commits (p99 × 6). So calls that arrive while an append is
 * under way are written together by the next one, in their order: one lock and one commit for all.
 * Alone, a call is written at once.
 */
export function logExchange(db: Db, entry: ExchangeEntry): Promise<void> {
  let queue = queues.get(db);
  if (!queue) {
    queue = { waiting: [], writing: false };
    queues.set(db, queue);
  }
  const q = queue;
  return new Promise<void>((resolve, reject) => {
    q.waiting.push({ entry: { id: randomUUID(), ...entry }, resolve, reject });
    if (!q.writing) {
      void drain(db, q);
    }
  });
}

async function drain(db: Db, q: Queue): Promise<void> {
  q.writing = true;
  try {
    while (q.waiting.length > 0) {
      const group = q.waiting.splice(0, 500);
      try {
        await appendExchangeRows(
          db,
          group.map((w) => w.entry),
        );
        for (const w of group) {
          w.resolve();
        }
      } catch (e) {
        for (const w of group) {
          w.reject(e);
        }
      }
    }
  } finally {
    q.writing = false;
  }
}

/**
 * Appends many entries in their order (a bulk load, e.g. the demo's year of exchange): the database
 * links each as it is inserted, so the chain is the one `logExchange` called entry by entry writes.
 */
export async function logExchangeBatch(db: Db, tenantId: string, entries: readonly ExchangeEntry[]): Promise<void> {
  await appendExchangeRows(
    db,
    entries.map((entry) => ({ id: randomUUID(), ...entry, tenantId })),
  );
}

export type ExchangeVerify = { ok: boolean; checked: number; firstBrokenId: string | null; reason: string | null };

const PROBLEMS = {
  gap: (seq: number, after: number) => `第 ${after} 条之后是第 ${seq} 条（有记录被删除）`,
  prev: (seq: number) => `第 ${seq} 条记录的前序哈希与上一条不符`,
  hash: (seq: number) => `第 ${seq} 条记录的内容与其哈希不符（记录被修改）`,
};

/**
 * Checks the tenant's exchange chain whole and reports the first link that does not hold: an edited
 * row breaks its own hash, a deleted row the sequence, a deleted tail the kept head, a row slipped in
 * past the head (triggers off) the head.
 */
export async function verifyExchangeChain(db: Db, tenantId: string): Promise<ExchangeVerify> {
  const links = await checkExchangeLinks(db, tenantId);
  if (links.broken) {
    const { id, seq, position, problem, after } = links.broken;
    return { ok: false, checked: position - 1, firstBrokenId: id, reason: PROBLEMS[problem](seq, after) };
  }
  const head = await readExchangeHead(db, tenantId);
  if (head.seq !== links.lastSeq || head.head !== links.lastHash) {
    return {
      ok: false,
      checked: links.count,
      firstBrokenId: null,
      reason:
        head.seq > links.lastSeq
          ? `交换日志应有 ${head.seq} 条，只找到 ${links.lastSeq} 条（末尾记录被删除）`
          : `交换日志记至第 ${head.seq} 条，其后的 ${links.lastSeq - head.seq} 条不在链上（记录被伪造追加）`,
    };
  }
  return { ok: true, checked: links.count, firstBrokenId: null, reason: null };
}
