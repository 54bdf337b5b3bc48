import {
  BundleListSchema,
  CatalogImportResultSchema,
  CatalogMetricsSchema,
  type ItemInput,
  ItemListSchema,
  ItemSchema,
  ItemVersionListSchema,
} from "../../../../../packages/contracts/src/catalog.ts";
import {
  PublicBundleListSchema,
  PublicBundleSchema,
  PublicItemGuideSchema,
  PublicSearchResultSchema,
} from "../../../../../packages/contracts/src/catalog-public.ts";
import { api, type Query, uploadFile } from "../../api/client.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Item edits, withdrawals and imports change lists, bundles and figures alike: invalidate `all`. */
export const catalogKeys = {
  all: ["catalog"] as const,
  list: (query: Query) => [...catalogKeys.all, "list", query] as const,
  item: (id: string, asOf: string | undefined) => [...catalogKeys.all, "item", id, asOf ?? ""] as const,
  versions: (id: string) => [...catalogKeys.all, "versions", id] as const,
  bundles: (asOf: string | undefined) => [...catalogKeys.all, "bundles", asOf ?? ""] as const,
  metrics: (query: Query) => [...catalogKeys.all, "metrics", query] as const,
};

/** The citizens' catalog: read-only, keyed by tenant. */
export const publicCatalogKeys = {
  all: ["public-catalog"] as const,
  search: (tenant: string, q: string) => [...publicCatalogKeys.all, tenant, "search", q] as const,
  guide: (tenant: string, code: string) => [...publicCatalogKeys.all, tenant, "guide", code] as const,
  bundles: (tenant: string) => [...publicCatalogKeys.all, tenant, "bundles"] as const,
  bundle: (tenant: string, code: string) => [...publicCatalogKeys.all, tenant, "bundle", code] as const,
};

export const catalogApi = {
  list: (q: Query, signal?: AbortSignal) => api.get("/api/catalog/items", ItemListSchema, q, signal),
  item: (id: string, asOf: string | undefined, signal?: AbortSignal) =>
    api.get(`/api/catalog/items/${id}`, ItemSchema, { asOf }, signal),
  versions: (id: string, signal?: AbortSignal) =>
    api.get(`/api/catalog/items/${id}/versions`, ItemVersionListSchema, undefined, signal),
  create: (input: ItemInput) => api.post("/api/catalog/items", ItemSchema, input),
  update: (id: string, input: ItemInput) => api.put(`/api/catalog/items/${id}`, ItemSchema, input),
  withdraw: (id: string) => api.post(`/api/catalog/items/${id}/withdraw`, ItemSchema),
  bundles: (asOf: string | undefined, signal?: AbortSignal) =>
    api.get("/api/catalog/bundles", BundleListSchema, { asOf }, signal),
  metrics: (q: Query, signal?: AbortSignal) => api.get("/api/catalog/metrics", CatalogMetricsSchema, q, signal),
  exportUrl: (asOf: string | undefined) => `/api/catalog/export.xlsx${asOf ? `?asOf=${asOf}` : ""}`,
  importFile: (file: Blob, dryRun: boolean) =>
    uploadFile("/api/catalog/import", file, XLSX, CatalogImportResultSchema, { dryRun }),
};

export const publicCatalogApi = {
  search: (tenant: string, q: string, signal?: AbortSignal) =>
    api.get("/api/public/catalog/items", PublicSearchResultSchema, { tenant, q, limit: 50 }, signal),
  guide: (tenant: string, code: string, signal?: AbortSignal) =>
    api.get(`/api/public/catalog/items/${encodeURIComponent(code)}`, PublicItemGuideSchema, { tenant }, signal),
  bundles: (tenant: string, signal?: AbortSignal) =>
    api.get("/api/public/catalog/bundles", PublicBundleListSchema, { tenant }, signal),
  bundle: (tenant: string, code: string, signal?: AbortSignal) =>
    api.get(`/api/public/catalog/bundles/${encodeURIComponent(code)}`, PublicBundleSchema, { tenant }, signal),
};
