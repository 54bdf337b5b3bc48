import { z } from "zod";
import { Id } from "./id.ts";

/**
 * What a point of the wait charts counts beyond the shared filters: a window group, and the hour
 * of day (Beijing) the visitor took a ticket. Cases and tickets both carry them; bookings do not.
 */
export const VisitSliceSchema = z.object({
  groupId: Id.optional(),
  hour: z.coerce
    .number({ error: "时段须为 0–23 的整点" })
    .int({ error: "时段须为 0–23 的整点" })
    .min(0, { error: "时段须为 0–23 的整点" })
    .max(23, { error: "时段须为 0–23 的整点" })
    .optional(),
});
export type VisitSlice = z.infer<typeof VisitSliceSchema>;
/** Waits of the cases under the filters, by hour of ticket-taking and by window group (大厅统计's charts). */
export const WaitRowSchema = z.object({
  cases: z.number().int(),
  avgWaitSeconds: z.number().nullable(),
  p90WaitSeconds: z.number().nullable(),
});
export const HallWaitsSchema = z.object({
  byHour: z.array(WaitRowSchema.extend({ hour: z.number().int() })),
  byGroup: z.array(WaitRowSchema.extend({ groupId: Id, label: z.string() })),
});
export type HallWaits = z.infer<typeof HallWaitsSchema>;
