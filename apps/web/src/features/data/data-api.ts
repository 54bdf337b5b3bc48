import {
  InfoSystemListSchema,
  InfoSystemSchema,
  type ResourceInput,
  ResourceListSchema,
  ResourceSchema,
  ResourceTreeSchema,
  ResourceVersionListSchema,
  type SystemInput,
} from "../../../../../packages/contracts/src/data-sharing.ts";
import {
  BatchListSchema,
  BatchSchema,
  QualitySchema,
  type WriteKeyInput,
  WriteKeySchema,
} from "../../../../../packages/contracts/src/data-sharing-batches.ts";
import { DataKeyListSchema, DataKeySchema } from "../../../../../packages/contracts/src/data-sharing-credentials.ts";
import {
  CountersSchema,
  ExchangeListSchema,
  ExchangeVerifySchema,
} from "../../../../../packages/contracts/src/data-sharing-exchange.ts";
import {
  ExemptItemListSchema,
  ExemptSourceListSchema,
} from "../../../../../packages/contracts/src/data-sharing-exempt.ts";
import {
  ResourceImportIssueSchema,
  type ResourceImportResult,
  ResourceImportResultSchema,
} from "../../../../../packages/contracts/src/data-sharing-import.ts";
import {
  DataRequestListSchema,
  DataRequestSchema,
  type DecisionInput,
  GrantCredentialSchema,
  GrantSchema,
  type RequestInput,
} from "../../../../../packages/contracts/src/data-sharing-requests.ts";
import {
  BatchSearchListSchema,
  StatisticsSchema,
} from "../../../../../packages/contracts/src/data-sharing-statistics.ts";
import { ApiError, api, isApiError, type Query, uploadFile } from "../../api/client.ts";

const enc = encodeURIComponent;
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The upload's body type from the file name: the server reads CSV (UTF-8) or XLSX. */
const fileType = (f: File) => (f.name.toLowerCase().endsWith(".xlsx") ? XLSX : "text/csv");

export type ResourceImportCheck = ResourceImportResult & {
  errors: Array<{ sheet: string; row: number; column: string; message: string }>;
};

/**
 * The import as the shared import dialog expects it: a refusal (422 with every bad cell) becomes a
 * result listing the cells, so the dialog shows them in its table instead of a toast.
 */
async function importResources(file: File, dryRun: boolean): Promise<ResourceImportCheck> {
  try {
    return {
      ...(await uploadFile("/api/data/resources/import", file, XLSX, ResourceImportResultSchema, { dryRun })),
      errors: [],
    };
  } catch (err) {
    const issues =
      isApiError(err) && err.status === 422 ? ResourceImportIssueSchema.array().safeParse(err.details) : null;
    if (!issues?.success) {
      throw err;
    }
    return { dryRun, resources: 0, fields: 0, created: 0, changed: 0, unchanged: 0, errors: issues.data };
  }
}

/** Catalog edits, batches, decisions and grants all move the same figures: invalidate `all`. */
export const dataKeys = {
  all: ["data"] as const,
  tree: () => [...dataKeys.all, "tree"] as const,
  resources: (query: Query) => [...dataKeys.all, "resources", query] as const,
  resource: (code: string) => [...dataKeys.all, "resource", code] as const,
  versions: (code: string) => [...dataKeys.all, "versions", code] as const,
  batches: (code: string, query: Query) => [...dataKeys.all, "batches", code, query] as const,
  quality: (code: string) => [...dataKeys.all, "quality", code] as const,
  requests: (query: Query) => [...dataKeys.all, "requests", query] as const,
  exchange: (query: Query) => [...dataKeys.all, "exchange", query] as const,
  counters: (query: Query) => [...dataKeys.all, "counters", query] as const,
  systems: (query: Query) => [...dataKeys.all, "systems", query] as const,
  statistics: (year: number) => [...dataKeys.all, "statistics", year] as const,
  batchSearch: (query: Query) => [...dataKeys.all, "batch-search", query] as const,
  exemptMaterials: (code: string, query: Query) => [...dataKeys.all, "exempt-materials", code, query] as const,
  exemptSources: () => [...dataKeys.all, "exempt-sources"] as const,
  credentials: () => [...dataKeys.all, "credentials"] as const,
};

export const dataApi = {
  tree: (signal?: AbortSignal) => api.get("/api/data/resources/tree", ResourceTreeSchema, undefined, signal),
  resources: (q: Query, signal?: AbortSignal) => api.get("/api/data/resources", ResourceListSchema, q, signal),
  resource: (code: string, signal?: AbortSignal) =>
    api.get(`/api/data/resources/${enc(code)}`, ResourceSchema, undefined, signal),
  /** A resource of another unit as the 共享目录 publishes it (metadata and 信息项), to ask for. */
  catalogEntry: (code: string, signal?: AbortSignal) =>
    api.get(`/api/data/shared-catalog/${enc(code)}`, ResourceSchema, undefined, signal),
  /** The resource as the actor sees it: in full where it may, else its 共享目录 entry (`catalogOnly`). */
  resourceOrEntry: async (code: string, signal?: AbortSignal) => {
    try {
      return { ...(await dataApi.resource(code, signal)), catalogOnly: false };
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        return { ...(await dataApi.catalogEntry(code, signal)), catalogOnly: true };
      }
      throw e;
    }
  },
  versions: (code: string, signal?: AbortSignal) =>
    api.get(`/api/data/resources/${enc(code)}/versions`, ResourceVersionListSchema, undefined, signal),
  createResource: (input: ResourceInput) => api.post("/api/data/resources", ResourceSchema, input),
  updateResource: (code: string, input: ResourceInput) =>
    api.put(`/api/data/resources/${enc(code)}`, ResourceSchema, input),
  batches: (code: string, q: Query, signal?: AbortSignal) =>
    api.get(`/api/data/resources/${enc(code)}/batches`, BatchListSchema, q, signal),
  uploadBatch: (code: string, file: File, batchId: string, mode: "reject" | "quarantine") =>
    uploadFile(`/api/data/resources/${enc(code)}/batches/upload`, file, fileType(file), BatchSchema, { batchId, mode }),
  exportUrl: () => "/api/data/resources/export.xlsx",
  importFile: importResources,
  quality: (code: string, signal?: AbortSignal) =>
    api.get(`/api/data/resources/${enc(code)}/quality`, QualitySchema, undefined, signal),
  requests: (q: Query, signal?: AbortSignal) => api.get("/api/data/requests", DataRequestListSchema, q, signal),
  createRequest: (input: RequestInput) => api.post("/api/data/requests", DataRequestSchema, input),
  decide: (id: string, input: DecisionInput) => api.post(`/api/data/requests/${id}/decision`, DataRequestSchema, input),
  revoke: (grantId: string, reason: string) => api.post(`/api/data/grants/${grantId}/revoke`, GrantSchema, { reason }),
  credential: (grantId: string) => api.post(`/api/data/grants/${grantId}/credentials`, GrantCredentialSchema),
  dataKeys: (signal?: AbortSignal) => api.get("/api/data/credentials", DataKeyListSchema, undefined, signal),
  revokeDataKey: (id: string) => api.post(`/api/data/credentials/${id}/revoke`, DataKeySchema),
  issueWriteKey: (input: WriteKeyInput) => api.post("/api/data/write-keys", WriteKeySchema, input),
  exchange: (q: Query, signal?: AbortSignal) => api.get("/api/data/exchange-log", ExchangeListSchema, q, signal),
  counters: (q: Query, signal?: AbortSignal) => api.get("/api/data/exchange-log/counters", CountersSchema, q, signal),
  verifyExchange: () => api.get("/api/data/exchange-log/verify", ExchangeVerifySchema),
  systems: (q: Query, signal?: AbortSignal) => api.get("/api/data/systems", InfoSystemListSchema, q, signal),
  createSystem: (input: SystemInput) => api.post("/api/data/systems", InfoSystemSchema, input),
  updateSystem: (id: string, input: SystemInput) => api.put(`/api/data/systems/${id}`, InfoSystemSchema, input),
  statistics: (year: number, signal?: AbortSignal) =>
    api.get("/api/data/statistics", StatisticsSchema, { year: String(year) }, signal),
  batchSearch: (q: Query, signal?: AbortSignal) => api.get("/api/data/batches", BatchSearchListSchema, q, signal),
  exemptMaterials: (code: string, q: Query, signal?: AbortSignal) =>
    api.get(`/api/data/resources/${enc(code)}/exempt-materials`, ExemptItemListSchema, q, signal),
  exemptSources: (signal?: AbortSignal) =>
    api.get("/api/data/exempt-sources", ExemptSourceListSchema, undefined, signal),
};
