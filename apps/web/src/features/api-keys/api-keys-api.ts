import {
  ApiKeyListSchema,
  ApiKeySchema,
  type CreateApiKeyInput,
  CreatedApiKeySchema,
} from "../../../../../packages/contracts/src/api-keys.ts";
import { api } from "../../api/client.ts";

export const apiKeyKeys = {
  all: ["api-keys"] as const,
  list: () => [...apiKeyKeys.all, "list"] as const,
};

export const apiKeysApi = {
  list: (signal?: AbortSignal) => api.get("/api/api-keys", ApiKeyListSchema, undefined, signal),
  create: (input: CreateApiKeyInput) => api.post("/api/api-keys", CreatedApiKeySchema, input),
  revoke: (id: string) => api.post(`/api/api-keys/${id}/revoke`, ApiKeySchema),
};
