import { randomUUID } from "node:crypto";
import type { UpdateCycle } from "../../../../../packages/contracts/src/data-sharing.ts";
import type {
  Batch,
  BatchInput,
  DataRow,
  Quality,
} from "../../../../../packages/contracts/src/data-sharing-batches.ts";
import type { Ctx } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError, conflict } from "../../platform/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import {
  type BadRow,
  isDuplicateKey,
  QUARANTINE_LISTED,
  queryFieldOf,
  rowChecker,
  rowIssues,
  rowsChecksum,
} from "./batch-rows.ts";
import {
  type BatchRow,
  batchTotals,
  claimBatch,
  fieldFill,
  findBatch,
  listBatches,
  rowWriter,
  setBatchCounts,
} from "./batches.repo.ts";
import type { ResourceRow } from "./resources.repo.ts";
import { loadManagedResource, loadVisibleResource, nameOf } from "./resources.service.ts";

export function toBatchDto(b: BatchRow): Batch {
  return {
    id: b.id,
    batchId: b.batchId,
    mode: b.mode as Batch["mode"],
    received: b.received,
    accepted: b.accepted,
    quarantined: b.quarantined,
    checksum: b.checksum,
    receivedAt: b.receivedAt.toISOString(),
    createdBy: b.createdBy,
    quarantine: b.quarantine,
  };
}

/** A batch as received, from JSON or from a file: its rows (null when only registered) and how to name a cell. */
export type IncomingBatch = {
  batchId: string;
  mode: "reject" | "quarantine" | "registered";
  checksum: string;
  rowCount: number;
  rows: readonly DataRow[] | null;
  /** Each row's number as the provider counts it (a file's first data row is 2); default 1, 2, … */
  rowNumbers?: readonly number[];
  /** Where a bad cell is, for the error details (`rows.0.列` in JSON, `file.2.列` in a file). */
  pathOf: (row: number, column: string) => string;
};

/**
 * A batch of a resource the actor provides. Idempotent by batch id: the same id with the same content
 * answers what it answered the first time and counts nothing twice; the same id with other content is
 * a conflict. `reject` refuses the whole batch on any bad row (422, nothing written); `quarantine`
 * stores the good rows and lists the bad ones. @throws not_found, unprocessable, conflict
 */
export async function receiveBatch(
  ctx: Ctx,
  code: string,
  input: BatchInput,
): Promise<{ batch: Batch; replay: boolean }> {
  const stored = "rows" in input;
  return acceptBatch(ctx, code, {
    batchId: input.batchId,
    mode: stored ? input.mode : "registered",
    checksum: stored ? rowsChecksum(input.rows) : input.checksum,
    rowCount: stored ? input.rows.length : input.rowCount,
    rows: stored ? input.rows : null,
    pathOf: (row, column) => `rows.${row - 1}.${column}`,
  });
}

/** The one path every batch takes (JSON or file): replay check, then claim, rows and audit in one transaction. */
export async function acceptBatch(
  ctx: Ctx,
  code: string,
  input: IncomingBatch,
): Promise<{ batch: Batch; replay: boolean }> {
  const resource = await loadManagedResource(ctx, code);
  const { checksum, mode } = input;
  const earlier = await findBatch(ctx.db, resource.id, input.batchId);
  if (earlier) {
    return { batch: replayOf(earlier, checksum, mode), replay: true };
  }
  const row = {
    id: randomUUID(),
    tenantId: ctx.actor.tenantId,
    resourceId: resource.id,
    batchId: input.batchId,
    mode,
    received: input.rowCount,
    accepted: input.rowCount,
    quarantined: 0,
    checksum,
    quarantine: [] as BadRow[],
    duplicateKeys: 0,
    receivedAt: ctx.clock.now(),
    createdBy: nameOf(ctx.actor),
  };
  const claimed = await ctx.db.transaction(async (tx) => {
    // Claimed first: a concurrent request with the same batch id waits here, not after storing rows.
    if (!(await claimBatch(tx, row))) {
      return false;
    }
    if (input.rows) {
      const stored = await storeRows(tx, ctx.actor.tenantId, resource, row.id, input);
      if (stored.bad.length > 0 && mode === "reject") {
        throw refusal(input, stored.bad); // rolls back the claim and every row written
      }
      const counts = {
        accepted: stored.accepted,
        quarantined: stored.bad.length,
        quarantine: stored.bad.slice(0, QUARANTINE_LISTED),
        duplicateKeys: stored.bad.filter(isDuplicateKey).length,
      };
      Object.assign(row, counts);
      await setBatchCounts(tx, row.id, counts);
    }
    await recordAudit(
      { db: tx, actor: ctx.actor, clock: ctx.clock, requestId: ctx.requestId },
      {
        action: "data_batch.receive",
        entityType: "data_resource",
        entityId: resource.id,
        scopePath: resource.scopePath,
        summary: {
          code,
          batchId: input.batchId,
          mode,
          received: row.received,
          accepted: row.accepted,
          quarantined: row.quarantined,
          checksum,
        },
      },
    );
    return true;
  });
  if (!claimed) {
    // A concurrent request with the same batch id committed first: answer as its replay.
    const winner = await findBatch(ctx.db, resource.id, input.batchId);
    if (winner) {
      return { batch: replayOf(winner, checksum, mode), replay: true };
    }
  }
  return { batch: toBatchDto(row), replay: false };
}

// Rows per slice: checked while the previous slice is stored (see rowWriter).
const SLICE = 2500;

/**
 * Checks and stores a batch's rows slice by slice. In reject mode nothing more is written after the
 * first bad row (the caller then refuses the batch and its transaction rolls back), but every row is
 * still checked so the refusal lists them all.
 */
async function storeRows(tx: Db, tenantId: string, resource: ResourceRow, batchRowId: string, input: IncomingBatch) {
  const rows = input.rows ?? [];
  const check = rowChecker(resource.fields);
  const writer = rowWriter(tx, tenantId, resource.id, batchRowId, queryFieldOf(resource.fields));
  const bad: BadRow[] = [];
  let accepted = 0;
  for (let i = 0; i < rows.length; i += SLICE) {
    const slice = check(rows.slice(i, i + SLICE), input.rowNumbers, i);
    bad.push(...slice.bad);
    if (input.mode === "reject" && bad.length > 0) {
      continue;
    }
    accepted += slice.good.length;
    await writer.write(slice.good);
  }
  await writer.flush();
  return { accepted, bad };
}

function refusal(input: IncomingBatch, bad: readonly BadRow[]): AppError {
  const issues = rowIssues(bad);
  return new AppError(
    "unprocessable",
    `批次 ${input.batchId} 有 ${bad.length} 行不符合信息项要求，整批未接收：${issues
      .slice(0, 5)
      .map((i) => i.message)
      .join("；")}${issues.length > 5 ? "……" : ""}`,
    issues.slice(0, 1000).map((i) => ({ ...i, path: input.pathOf(i.row, i.column) })),
  );
}

function replayOf(earlier: BatchRow, checksum: string, mode: string): Batch {
  if (earlier.checksum !== checksum || earlier.mode !== mode) {
    throw conflict(
      `批次号 ${earlier.batchId} 已于 ${earlier.receivedAt.toISOString()} 使用，本次内容与之不同；新批次请使用新批次号`,
      {
        code: "batch_id_reused",
      },
    );
  }
  return toBatchDto(earlier);
}

export async function listBatchesFor(ctx: Ctx, code: string, page: { page: number; pageSize: number }) {
  const resource = await loadVisibleResource(ctx, code);
  const r = await listBatches(ctx.db, resource.id, { offset: (page.page - 1) * page.pageSize, limit: page.pageSize });
  const totals = await batchTotals(ctx.db, resource.id);
  return { total: r.total, aggregatedRows: totals.accepted, items: r.items.map(toBatchDto) };
}

const CYCLE_DAYS: Record<UpdateCycle, number | null> = {
  realtime: 1,
  daily: 1,
  weekly: 7,
  monthly: 31,
  quarterly: 92,
  yearly: 366,
  irregular: null,
};

/** Completeness per field, duplicate keys, quarantined rows, and whether updates are late for the cycle. */
export async function resourceQuality(ctx: Ctx, code: string): Promise<Quality> {
  const resource = await loadVisibleResource(ctx, code);
  const names = resource.fields.map((f) => f.name);
  const [totals, fill] = await Promise.all([batchTotals(ctx.db, resource.id), fieldFill(ctx.db, resource.id, names)]);
  const cycle = resource.updateCycle as UpdateCycle;
  const days = CYCLE_DAYS[cycle];
  // One day of grace: a daily resource synced yesterday evening is not late this morning.
  const late =
    days !== null &&
    (totals.last === null || ctx.clock.now().getTime() - totals.last.getTime() > (days + 1) * 86_400_000);
  return {
    storedRows: fill.total,
    aggregatedRows: totals.accepted,
    batches: totals.batches,
    completeness: names.map((field, i) => ({
      field,
      filled: fill.filled[i] ?? 0,
      ratio: fill.total > 0 ? (fill.filled[i] ?? 0) / fill.total : null,
    })),
    duplicateKeys: totals.duplicates,
    quarantinedRows: totals.quarantined,
    updateCycle: cycle,
    lastBatchAt: totals.last?.toISOString() ?? null,
    late,
  };
}
