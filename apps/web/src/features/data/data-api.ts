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
import { BatchListSchema, QualitySchema } from "../../../../../packages/contracts/src/data-sharing-batches.ts";
import { CountersSchema, ExchangeListSchema } from "../../../../../packages/contracts/src/data-sharing-exchange.ts";
import {
  ExemptItemListSchema,
  ExemptSourceListSchema,
} from "../../../../../packages/contracts/src/data-sharing-exempt.ts";
import {
  DataRequestListSchema,
  DataRequestSchema,
  type DecisionInput,
  GrantCredentialSchema,
  GrantSchema,
  type RequestInput,
} from "../../../../../packages/contracts/src/data-sharing-requests.ts";
import { api, type Query } from "../../api/client.ts";

const enc = encodeURIComponent;

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
  exemptMaterials: (code: string, query: Query) => [...dataKeys.all, "exempt-materials", code, query] as const,
  exemptSources: () => [...dataKeys.all, "exempt-sources"] as const,
};

export const dataApi = {
  tree: (signal?: AbortSignal) => api.get("/api/data/resources/tree", ResourceTreeSchema, undefined, signal),
  resources: (q: Query, signal?: AbortSignal) => api.get("/api/data/resources", ResourceListSchema, q, signal),
  resource: (code: string, signal?: AbortSignal) =>
    api.get(`/api/data/resources/${enc(code)}`, ResourceSchema, undefined, signal),
  versions: (code: string, signal?: AbortSignal) =>
    api.get(`/api/data/resources/${enc(code)}/versions`, ResourceVersionListSchema, undefined, signal),
  createResource: (input: ResourceInput) => api.post("/api/data/resources", ResourceSchema, input),
  updateResource: (code: string, input: ResourceInput) =>
    api.put(`/api/data/resources/${enc(code)}`, ResourceSchema, input),
  batches: (code: string, q: Query, signal?: AbortSignal) =>
    api.get(`/api/data/resources/${enc(code)}/batches`, BatchListSchema, q, signal),
  quality: (code: string, signal?: AbortSignal) =>
    api.get(`/api/data/resources/${enc(code)}/quality`, QualitySchema, undefined, signal),
  requests: (q: Query, signal?: AbortSignal) => api.get("/api/data/requests", DataRequestListSchema, q, signal),
  createRequest: (input: RequestInput) => api.post("/api/data/requests", DataRequestSchema, input),
  decide: (id: string, input: DecisionInput) => api.post(`/api/data/requests/${id}/decision`, DataRequestSchema, input),
  revoke: (grantId: string, reason: string) => api.post(`/api/data/grants/${grantId}/revoke`, GrantSchema, { reason }),
  credential: (grantId: string) => api.post(`/api/data/grants/${grantId}/credentials`, GrantCredentialSchema),
  exchange: (q: Query, signal?: AbortSignal) => api.get("/api/data/exchange-log", ExchangeListSchema, q, signal),
  counters: (q: Query, signal?: AbortSignal) => api.get("/api/data/exchange-log/counters", CountersSchema, q, signal),
  systems: (q: Query, signal?: AbortSignal) => api.get("/api/data/systems", InfoSystemListSchema, q, signal),
  createSystem: (input: SystemInput) => api.post("/api/data/systems", InfoSystemSchema, input),
  updateSystem: (id: string, input: SystemInput) => api.put(`/api/data/systems/${id}`, InfoSystemSchema, input),
  exemptMaterials: (code: string, q: Query, signal?: AbortSignal) =>
    api.get(`/api/data/resources/${enc(code)}/exempt-materials`, ExemptItemListSchema, q, signal),
  exemptSources: (signal?: AbortSignal) =>
    api.get("/api/data/exempt-sources", ExemptSourceListSchema, undefined, signal),
};
