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

export const deferralsApi = {
  list: (q: Query) => api.get("/api/deferrals", DeferralListSchema, q),
  get: (id: string) => api.get(`/api/deferrals/${id}`, DeferralSchema),
  options: (caseId: string) => api.get(`/api/deferrals/options/${caseId}`, DeferralOptionsSchema),
  create: (input: CreateDeferralInput) => api.post("/api/deferrals", DeferralSchema, input),
  act: (id: string, input: DeferralActionInput) => api.post(`/api/deferrals/${id}/actions`, DeferralSchema, input),
  creditFlags: (q: Query) => api.get("/api/credit-flags", CreditFlagListSchema, q),
  addCreditFlag: (input: CreditFlagInput) => api.post("/api/credit-flags", CreditFlagSchema, input),
  liftCreditFlag: (id: string, note: string) => api.post(`/api/credit-flags/${id}/lift`, CreditFlagSchema, { note }),
};
