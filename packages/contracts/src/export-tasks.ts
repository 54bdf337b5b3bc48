import { z } from "zod";
import { Id } from "./id.ts";
import { WorkOrderFilterSchema } from "./work-orders.ts";

/** What an export task writes; each kind has its own filter and its own view roles. */
export const ExportKindSchema = z.enum(["work_orders"]);
export type ExportKind = z.infer<typeof ExportKindSchema>;
export const EXPORT_KIND_LABELS: Record<ExportKind, string> = { work_orders: "工单导出" };

export const ExportStateSchema = z.enum(["running", "done", "failed"]);
export type ExportState = z.infer<typeof ExportStateSchema>;
export const EXPORT_STATE_LABELS: Record<ExportState, string> = {
  running: "导出中",
  done: "可下载",
  failed: "失败",
};

/** A task's file is kept this long, then deleted with the task. */
export const EXPORT_TASK_TTL_HOURS = 24;

export const StartExportInputSchema = z.object({
  kind: z.literal("work_orders"),
  filter: WorkOrderFilterSchema.default({}),
});
export type StartExportInput = z.infer<typeof StartExportInputSchema>;

export const ExportTaskSchema = z.object({
  id: Id,
  kind: ExportKindSchema,
  state: ExportStateSchema,
  /** Rows written so far and the rows the filter selected when the task started. */
  rows: z.number().int(),
  total: z.number().int(),
  fileName: z.string(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  expiresAt: z.string(),
});
export type ExportTask = z.infer<typeof ExportTaskSchema>;
export const ExportTaskListSchema = z.object({ items: z.array(ExportTaskSchema) });
