import {
  type CreateOrgUnitInput,
  OrgTreeResponseSchema,
  OrgUnitSchema,
  type UpdateOrgUnitInput,
} from "../../../../../packages/contracts/src/org.ts";
import { api } from "../../api/client.ts";

export const orgApi = {
  tree: (q: string | undefined, signal?: AbortSignal) => api.get("/api/org/tree", OrgTreeResponseSchema, { q }, signal),
  create: (input: CreateOrgUnitInput) => api.post("/api/org/units", OrgUnitSchema, input),
  rename: (id: string, input: UpdateOrgUnitInput) => api.patch(`/api/org/units/${id}`, OrgUnitSchema, input),
};
