import { z } from "zod";
import { CellSchema } from "./data-sharing-batches.ts";
import { Id, idOf } from "./id.ts";

// The data service's answer and the exchange log (交换日志) with its counters.

export const RowsQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce
      .number()
      .int()
      .min(1, { error: "每页至少1行" })
      .max(500, { error: "每页不超过500行" })
      .default(100),
    /** Comma-separated 信息项 to return (default: every granted one). */
    fields: z.string().max(4000).optional(),
  })
  .catchall(z.string().max(500));

export const RowsPageSchema = z.object({
  resourceCode: z.string(),
  fields: z.array(z.string()),
  /** Personal-data fields shown masked (the grant does not allow them in clear). */
  masked: z.array(z.string()),
  page: z.number().int(),
  pageSize: z.number().int(),
  hasMore: z.boolean(),
  items: z.array(z.record(z.string(), CellSchema)),
});

export const ExchangeEntrySchema = z.object({
  id: Id,
  seq: z.number().int(),
  at: z.string(),
  consumerUnitId: Id,
  consumerName: z.string(),
  grantId: Id.nullable(),
  resourceCode: z.string(),
  fields: z.array(z.string()),
  filter: z.record(z.string(), z.string()),
  rowsReturned: z.number().int(),
  requestId: z.string(),
  outcome: z.enum(["served", "refused"]),
  reason: z.string().nullable(),
  hash: z.string(),
});
export const ExchangeListSchema = z.object({ total: z.number().int(), items: z.array(ExchangeEntrySchema) });
export const ExchangeQuerySchema = z.object({
  resourceCode: z.string().max(20).optional(),
  consumerUnitId: idOf("消费方编号格式不正确").optional(),
  /** The provider of the resource called (its unit, not its subtree). */
  providerUnitId: idOf("提供方编号格式不正确").optional(),
  outcome: z.enum(["served", "refused"]).optional(),
  from: z.iso.datetime({ offset: true, error: "开始时间须为带时区的 ISO 8601 时间" }).optional(),
  to: z.iso.datetime({ offset: true, error: "结束时间须为带时区的 ISO 8601 时间" }).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const CounterQuerySchema = ExchangeQuerySchema.omit({ outcome: true, page: true, pageSize: true }).extend({
  by: z.enum(["consumer", "provider", "resource", "month"], {
    error: "by 只能是 consumer、provider、resource 或 month",
  }),
});
export const CountersSchema = z.object({
  by: z.enum(["consumer", "provider", "resource", "month"]),
  items: z.array(z.object({ key: z.string(), label: z.string(), rows: z.number(), calls: z.number().int() })),
});

/** `exchange verify`'s answer: the first link that does not hold, or ok. */
export const ExchangeVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenId: z.string().nullable(),
  reason: z.string().nullable(),
});
export type ExchangeVerifyResult = z.infer<typeof ExchangeVerifySchema>;
