import type { z } from "zod";
import {
  type CreateOrgUnitInput,
  OrgTreeResponseSchema,
  OrgUnitSchema,
  type UpdateOrgUnitInput,
} from "../../../../../packages/contracts/src/org.ts";
import { api } from "../../api/client.ts";

type OrgTree = z.infer<typeof OrgTreeResponseSchema>;
let wholeTreeInFlight: Promise<OrgTree> | null = null;

/**
 * The whole visible tree, one request for every part of a page that asks for it at once (the ticket
 * list, its filters and its create dialog each need it); a later call asks the server again.
 */
export function loadWholeTree(): Promise<OrgTree> {
  wholeTreeInFlight ??= orgApi.tree(undefined).finally(() => {
    wholeTreeInFlight = null;
  });
  return wholeTreeInFlight;
}

export const orgApi = {
  tree: (q: string | undefined, signal?: AbortSignal) => api.get("/api/org/tree", OrgTreeResponseSchema, { q }, signal),
  create: (input: CreateOrgUnitInput) => api.post("/api/org/units", OrgUnitSchema, input),
  rename: (id: string, input: UpdateOrgUnitInput) => api.patch(`/api/org/units/${id}`, OrgUnitSchema, input),
};
