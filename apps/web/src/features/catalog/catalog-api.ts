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
