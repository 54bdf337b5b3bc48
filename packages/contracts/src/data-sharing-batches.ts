import { z } from "zod";
import { UPDATE_CYCLES } from "./data-sharing.ts";
import { Id } from "./id.ts";

// Batches of a resource's rows (pushed and stored, or registered by counts and checksum) and its quality.

export const BatchIdSchema = z
  .string({ error: "批次号必填" })
  .trim()
  .min(1, { error: "批次号必填" })
  .max(64, { error: "批次号不超过64个字符" })
  .regex(/^[A-Za-z0-9_.:-]+$/, { error: "批次号只能含字母、数字和 _ . : -" });

export const CellSchema = z.union([z.string().max(4000), z.number(), z.boolean(), z.null()]);
export type Cell = z.infer<typeof CellSchema>;
export const DataRowSchema = z.record(z.string().max(40), CellSchema);
export type DataRow = z.infer<typeof DataRowSchema>;

/** Rows pushed to be stored: `reject` refuses the batch whole on any bad row, `quarantine` keeps the good ones. */
export const StoredBatchInputSchema = z.object({
  batchId: BatchIdSchema,
  mode: z.enum(["reject", "quarantine"], { error: "处理方式只能是整批拒收（reject）或隔离问题行（quarantine）" }),
  rows: z.array(DataRowSchema).min(1, { error: "批次至少一行" }).max(10_000, { error: "单个批次不超过10000行" }),
});
/** A sync whose rows stay in the provider's system: its count and checksum only. */
export const RegisteredBatchInputSchema = z.object({
  batchId: BatchIdSchema,
  rowCount: z.number({ error: "请填写行数" }).int().min(0, { error: "行数不能为负" }).max(2_000_000_000),
  checksum: z
    .string({ error: "请填写校验值" })
    .regex(/^[0-9a-f]{64}$/, { error: "校验值应为64位小写十六进制 SHA-256" }),
});
export const BatchInputSchema = z.union([StoredBatchInputSchema, RegisteredBatchInputSchema], {
  error: "批次须为 {batchId, mode, rows} 或 {batchId, rowCount, checksum}",
});
export type BatchInput = z.infer<typeof BatchInputSchema>;

export const RowIssueSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type RowIssue = z.infer<typeof RowIssueSchema>;

export const BatchSchema = z.object({
  id: Id,
  batchId: z.string(),
  mode: z.enum(["reject", "quarantine", "registered"]),
  received: z.number().int(),
  accepted: z.number().int(),
  quarantined: z.number().int(),
  /** sha256 of the canonical rows (stored), or the provider's (registered). */
  checksum: z.string(),
  receivedAt: z.string(),
  createdBy: z.string(),
  /** The quarantined rows (1-based numbers in the batch) and why. */
  quarantine: z.array(
    z.object({ row: z.number().int(), errors: z.array(z.object({ column: z.string(), message: z.string() })) }),
  ),
});
export type Batch = z.infer<typeof BatchSchema>;
export const BatchListSchema = z.object({
  total: z.number().int(),
  /** 汇聚数据量: accepted rows over every batch, stored or registered. */
  aggregatedRows: z.number().int(),
  items: z.array(BatchSchema),
});

export const QualitySchema = z.object({
  storedRows: z.number().int(),
  aggregatedRows: z.number().int(),
  batches: z.number().int(),
  /** Share of stored rows with a value, per 信息项 (0..1; null without stored rows). */
  completeness: z.array(z.object({ field: z.string(), filled: z.number().int(), ratio: z.number().nullable() })),
  /** Rows refused because their key repeated one earlier in the same batch. */
  duplicateKeys: z.number().int(),
  quarantinedRows: z.number().int(),
  updateCycle: z.enum(UPDATE_CYCLES),
  lastBatchAt: z.string().nullable(),
  /** The last batch is older than the update cycle allows (or there is none). */
  late: z.boolean(),
});
export type Quality = z.infer<typeof QualitySchema>;

/** A file upload's batch: its id (idempotency, as for JSON batches) and how bad rows are handled. */
export const UploadQuerySchema = z.object({
  batchId: BatchIdSchema,
  mode: z
    .enum(["reject", "quarantine"], { error: "处理方式只能是整批拒收（reject）或隔离问题行（quarantine）" })
    .default("reject"),
});

/** A key of scope data:write for a provider unit's system to push batches (数据写入密钥). */
export const WriteKeyInputSchema = z.object({
  providerUnitId: Id,
  name: z.string({ error: "名称必填" }).trim().min(2, { error: "名称至少2个字" }).max(60, { error: "名称不超过60字" }),
});
export type WriteKeyInput = z.infer<typeof WriteKeyInputSchema>;
/** The secret is returned once, at creation. */
export const WriteKeySchema = z.object({ keyId: Id, prefix: z.string(), secret: z.string(), providerUnitId: Id });
