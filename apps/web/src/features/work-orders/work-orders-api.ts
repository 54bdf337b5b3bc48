import type { z } from "zod";
import {
  BulkResultSchema,
  type CityTicketInputSchema,
  ContactListSchema,
  DuplicateListSchema,
  ImportResultSchema,
  MetricsSchema,
  SuggestionListSchema,
  type TransitionInputSchema,
  WorkOrderDetailSchema,
  WorkOrderListSchema,
  WorkOrderSchema,
} from "../../../../../packages/contracts/src/work-orders.ts";
import { api, type Query, uploadFile } from "../../api/client.ts";

/** What the client sends; `attachments` defaults on the server. */
export type TransitionBody = z.input<typeof TransitionInputSchema>;
export type CreateWorkOrderBody = Omit<z.input<typeof CityTicketInputSchema>, "cityTicketNo">;
export type ImportResult = z.infer<typeof ImportResultSchema>;

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The import takes the raw file as the body (CSV or XLSX by its name). */
function importFile(file: File, dryRun: boolean): Promise<ImportResult> {
  const contentType = file.name.toLowerCase().endsWith(".csv") ? "text/csv" : XLSX_TYPE;
  return uploadFile("/api/work-orders/import", file, contentType, ImportResultSchema, { dryRun });
}

/** Any change to a ticket can move it between queues, lists, counts and figures: invalidate `all`. */
export const workOrderKeys = {
  all: ["work-orders"] as const,
  list: (query: Query) => [...workOrderKeys.all, "list", query] as const,
  queueCounts: (queues: readonly string[], filters: Query) =>
    [...workOrderKeys.all, "queue-counts", queues, filters] as const,
  detail: (id: string) => [...workOrderKeys.all, "detail", id] as const,
  duplicates: (id: string) => [...workOrderKeys.all, "duplicates", id] as const,
  suggestions: (id: string) => [...workOrderKeys.all, "suggestions", id] as const,
  metrics: (query: Query) => [...workOrderKeys.all, "metrics", query] as const,
};

export const workOrdersApi = {
  list: (query: Query, signal?: AbortSignal) => api.get("/api/work-orders", WorkOrderListSchema, query, signal),
  detail: (id: string, signal?: AbortSignal) =>
    api.get(`/api/work-orders/${id}`, WorkOrderDetailSchema, undefined, signal),
  contacts: (id: string) => api.get(`/api/work-orders/${id}/contacts`, ContactListSchema),
  create: (input: CreateWorkOrderBody) => api.post("/api/work-orders", WorkOrderSchema, input),
  transition: (id: string, input: TransitionBody) =>
    api.post(`/api/work-orders/${id}/transitions`, WorkOrderSchema, input),
  bulk: (ids: string[], transition: TransitionBody) =>
    api.post("/api/work-orders/bulk-transitions", BulkResultSchema, { ids, transition }),
  suggestions: (id: string, signal?: AbortSignal) =>
    api.get(`/api/work-orders/${id}/suggestions`, SuggestionListSchema, undefined, signal),
  duplicates: (id: string, signal?: AbortSignal) =>
    api.get(`/api/work-orders/${id}/duplicates`, DuplicateListSchema, undefined, signal),
  merge: (id: string, masterId: string) => api.post(`/api/work-orders/${id}/merge`, WorkOrderSchema, { masterId }),
  supervise: (id: string, reason: string | undefined) =>
    api.post(`/api/work-orders/${id}/supervise`, WorkOrderSchema, reason ? { reason } : {}),
  metrics: (query: Query, signal?: AbortSignal) => api.get("/api/work-orders/metrics", MetricsSchema, query, signal),
  importFile,
};
