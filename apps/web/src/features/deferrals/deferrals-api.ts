import {
  type CreateDeferralInput,
  type CreditFlagInput,
  CreditFlagListSchema,
  CreditFlagSchema,
  type DeferralActionInput,
  DeferralListSchema,
  DeferralOptionsSchema,
  DeferralSchema,
} from "../../../../../packages/contracts/src/deferrals.ts";
import { api, type Query } from "../../api/client.ts";

export const deferralKeys = {
  all: ["deferrals"] as const,
  list: (query: Query) => [...deferralKeys.all, "list", query] as const,
  detail: (id: string) => [...deferralKeys.all, "detail", id] as const,
  creditFlags: (query: Query) => [...deferralKeys.all, "credit-flags", query] as const,
};

export const deferralsApi = {
  list: (q: Query, signal?: AbortSignal) => api.get("/api/deferrals", DeferralListSchema, q, signal),
  get: (id: string, signal?: AbortSignal) => api.get(`/api/deferrals/${id}`, DeferralSchema, undefined, signal),
  options: (caseId: string) => api.get(`/api/deferrals/options/${caseId}`, DeferralOptionsSchema),
  create: (input: CreateDeferralInput) => api.post("/api/deferrals", DeferralSchema, input),
  act: (id: string, input: DeferralActionInput) => api.post(`/api/deferrals/${id}/actions`, DeferralSchema, input),
  creditFlags: (q: Query, signal?: AbortSignal) => api.get("/api/credit-flags", CreditFlagListSchema, q, signal),
  addCreditFlag: (input: CreditFlagInput) => api.post("/api/credit-flags", CreditFlagSchema, input),
  liftCreditFlag: (id: string, note: string) => api.post(`/api/credit-flags/${id}/lift`, CreditFlagSchema, { note }),
};
