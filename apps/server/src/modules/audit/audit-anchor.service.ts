import type { KeyObject } from "node:crypto";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { readHashesAt, readHeadsForCheckpoint } from "./audit.repo.ts";
import { verifyAuditChain } from "./audit.service.ts";
import { type AuditAnchor, anchorSignatureValid, appendAnchors, signAnchor } from "./audit-anchor.ts";

export type CheckpointOptions = {
  privateKey: KeyObject;
  clock: Clock;
  /** The operator's append-only anchor file; without it the anchors only go to `log`. */
  anchorFile?: string | undefined;
  tenantCode?: string | undefined;
  /** The process log: each anchor is written there as well, as a second copy out of the database's reach. */
  log: (line: string) => void;
};

/**
 * Signs the current head of every non-empty chain (of one tenant, or all) and appends the anchors to
 * the file and the log. The heads are read as committed, so each anchor names a row that exists.
 */
export async function writeAuditCheckpoint(db: Db, o: CheckpointOptions): Promise<AuditAnchor[]> {
  const at = o.clock.now().toISOString();
  const heads = await readHeadsForCheckpoint(db, o.tenantCode);
  const anchors = heads.map((h) =>
    signAnchor(
      {
        kind: "zhengwu.audit.anchor",
        v: 1,
        tenantId: h.tenantId,
        tenantCode: h.tenantCode,
        chain: Number(h.stream),
        seq: Number(h.seq),
        head: h.head,
        at,
      },
      o.privateKey,
    ),
  );
  if (o.anchorFile) {
    appendAnchors(o.anchorFile, anchors);
  }
  for (const a of anchors) {
    o.log(`审计锚点 audit anchor ${JSON.stringify(a)}`);
  }
  return anchors;
}

export type AnchorVerify = { ok: boolean; checkedRows: number; checkedAnchors: number; reason: string | null };

/**
 * Checks the tenant's chains against anchors: every anchor must carry a valid signature, the chains
 * must be intact, and each anchored link must still hold the anchored hash. An intact chain that no
 * longer contains an anchored link was rewritten, cut back or emptied after that anchor was taken.
 */
export async function verifyAuditAnchors(
  db: Db,
  tenant: { id: string; code: string },
  anchors: readonly AuditAnchor[],
  publicKey: KeyObject,
): Promise<AnchorVerify> {
  const mine = anchors.filter((a) => a.tenantId === tenant.id);
  const fail = (reason: string, checkedRows = 0): AnchorVerify => ({
    ok: false,
    checkedRows,
    checkedAnchors: 0,
    reason,
  });
  if (mine.length === 0) {
    return fail(`锚点文件中没有租户 ${tenant.code} 的锚点 / no anchors for tenant ${tenant.code} in the file`);
  }
  for (const a of mine) {
    if (!anchorSignatureValid(a, publicKey)) {
      return fail(
        `链 ${a.chain} 第 ${a.seq} 条的锚点（${a.at}）签名无效：锚点文件被改动或公钥不对 / ` +
          `invalid signature on the anchor of chain ${a.chain} seq ${a.seq} taken ${a.at}`,
      );
    }
  }
  const chain = await verifyAuditChain(db, tenant.id);
  if (!chain.ok) {
    return fail(`${chain.reason ?? "审计哈希链断裂"} / the hash chain is broken`, chain.checked);
  }
  const stored = await readHashesAt(
    db,
    tenant.id,
    mine.map((a) => ({ stream: a.chain, seq: a.seq })),
  );
  for (const a of mine) {
    const hash = stored.get(`${a.chain}:${a.seq}`);
    if (hash === undefined) {
      return fail(
        `链 ${a.chain} 第 ${a.seq} 条已锚定（${a.at}），库中却已不存在：锚定之前的记录被删除或日志被清空 / ` +
          `chain ${a.chain} seq ${a.seq}, anchored at ${a.at}, is gone: entries were deleted or the log was truncated`,
        chain.checked,
      );
    }
    if (hash !== a.head) {
      return fail(
        `链 ${a.chain} 第 ${a.seq} 条的哈希与锚点（${a.at}）不符：锚定之前的历史被改写并重算了哈希 / ` +
          `chain ${a.chain} seq ${a.seq} differs from its anchor taken ${a.at}: history was rewritten`,
        chain.checked,
      );
    }
  }
  return { ok: true, checkedRows: chain.checked, checkedAnchors: mine.length, reason: null };
}
