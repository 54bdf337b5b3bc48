import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, mkdirSync, type ReadStream, rmSync } from "node:fs";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import {
  EXPORT_TASK_TTL_HOURS,
  ExportKindSchema,
  ExportStateSchema,
  type ExportTask,
  type StartExportInput,
} from "../../../../../packages/contracts/src/export-tasks.ts";
import type { Ctx, UserActor } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError, conflict, forbidden, notFound } from "../../platform/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { countTickets, writeTicketsXlsx } from "../work-orders/export.service.ts";
import {
  deleteExpiredExportTasks,
  type ExportTaskRow,
  failStaleExportTasks,
  findOwnExportTask,
  findOwnExportTasks,
  finishExportTask,
  insertExportTask,
  updateExportProgress,
} from "./export-tasks.repo.ts";

// Files live in the configured export folder (ZHENGWU_EXPORT_DIR), which every process must reach:
// the task may be downloaded from, or purged by, another process than the one that wrote it.
const fileOf = (dir: string, id: string) => join(dir, `${id}.xlsx`);

/** Progress and heartbeat are written at most this often: a full year is some 600 chunks. */
const PROGRESS_EVERY_MS = 1000;

/** A running task whose heartbeat is older than this lost its process (heartbeats come every second or so). */
export const EXPORT_STALE_MS = 2 * 60_000;

function userOf(ctx: Ctx): UserActor {
  if (ctx.actor.kind !== "user") {
    throw forbidden("导出任务只能由登录用户创建");
  }
  return ctx.actor;
}

export function toExportTaskDto(row: ExportTaskRow): ExportTask {
  return {
    id: row.id,
    kind: ExportKindSchema.parse(row.kind),
    state: ExportStateSchema.parse(row.state),
    rows: row.rows,
    total: row.total,
    fileName: row.fileName,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt.toISOString(),
  };
}

/**
 * Starts an export in the background and returns its task at once; the rows the actor may see
 * are written to a file in chunks while the server keeps answering. `done` resolves when the task
 * has finished either way (tests and benchmarks wait on it). @throws forbidden
 */
export async function startExportTask(
  ctx: Ctx,
  input: StartExportInput,
  dir: string,
): Promise<{ task: ExportTask; done: Promise<void> }> {
  const user = userOf(ctx);
  const now = ctx.clock.now();
  const total = await countTickets(ctx, input.filter);
  const id = randomUUID();
  const stamp = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace(/[-:T]/g, "");
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertExportTask(tx, {
      id,
      tenantId: user.tenantId,
      userId: user.userId,
      kind: input.kind,
      params: input.filter,
      state: "running",
      total,
      fileName: `工单导出-${stamp}.xlsx`,
      createdAt: now,
      heartbeatAt: now,
      expiresAt: new Date(now.getTime() + EXPORT_TASK_TTL_HOURS * 3600_000),
    });
    await recordAudit(
      { db: tx, actor: user, clock: ctx.clock, requestId: ctx.requestId },
      { action: "export_task.start", entityType: "export_task", entityId: id, summary: { kind: input.kind, total } },
    );
    return inserted;
  });
  if (!row) {
    throw new AppError("internal", "导出任务创建失败");
  }
  return { task: toExportTaskDto(row), done: runExport(ctx, user, id, input, dir) };
}

async function runExport(ctx: Ctx, user: UserActor, id: string, input: StartExportInput, dir: string): Promise<void> {
  let last = 0;
  let rows = 0;
  try {
    mkdirSync(dir, { recursive: true });
    const out = createWriteStream(fileOf(dir, id));
    const written = finished(out);
    rows = await writeTicketsXlsx(ctx, input.filter, out, (n) => {
      rows = n;
      if (Date.now() - last >= PROGRESS_EVERY_MS) {
        last = Date.now();
        void updateExportProgress(ctx.db, user.tenantId, id, n, ctx.clock.now()).catch(() => {});
      }
    });
    await written;
    await finishExportTask(ctx.db, user.tenantId, id, {
      state: "done",
      rows,
      error: null,
      finishedAt: ctx.clock.now(),
    });
  } catch (err) {
    ctx.log.error({ err }, "export task failed");
    rmSync(fileOf(dir, id), { force: true });
    await finishExportTask(ctx.db, user.tenantId, id, {
      state: "failed",
      rows,
      error: "导出失败，请重试",
      finishedAt: ctx.clock.now(),
    }).catch(() => {});
  }
}

/** One of the actor's own tasks. @throws not_found (another user's task included) */
export async function getExportTask(ctx: Ctx, id: string): Promise<ExportTask> {
  const user = userOf(ctx);
  const row = await findOwnExportTask(ctx.db, user.tenantId, user.userId, id);
  if (!row || row.expiresAt <= ctx.clock.now()) {
    throw notFound("export_task");
  }
  return toExportTaskDto(row);
}

export async function listExportTasks(ctx: Ctx): Promise<{ items: ExportTask[] }> {
  const user = userOf(ctx);
  const rows = await findOwnExportTasks(ctx.db, user.tenantId, user.userId, ctx.clock.now(), 20);
  return { items: rows.map(toExportTaskDto) };
}

/** The finished file of one of the actor's own tasks. @throws not_found, conflict (not finished) */
export async function openExportFile(
  ctx: Ctx,
  id: string,
  dir: string,
): Promise<{ fileName: string; stream: ReadStream }> {
  const task = await getExportTask(ctx, id);
  if (task.state !== "done") {
    throw conflict(task.state === "running" ? "导出尚未完成" : "导出失败，请重新导出");
  }
  return { fileName: task.fileName, stream: createReadStream(fileOf(dir, id)) };
}

/** Deletes expired tasks and their files; returns how many. */
export async function purgeExpiredExports(db: Db, now: Date, dir: string): Promise<number> {
  const ids = await deleteExpiredExportTasks(db, now);
  for (const id of ids) {
    rmSync(fileOf(dir, id), { force: true });
  }
  return ids.length;
}

/**
 * Tasks whose process stopped (no heartbeat for EXPORT_STALE_MS) will never finish: say so instead
 * of "导出中" forever. A task another live process is writing keeps its heartbeat fresh and is left alone.
 */
export async function failInterruptedExports(db: Db, now: Date): Promise<number> {
  return failStaleExportTasks(db, new Date(now.getTime() - EXPORT_STALE_MS), now, "服务中断，导出未完成，请重新导出");
}
