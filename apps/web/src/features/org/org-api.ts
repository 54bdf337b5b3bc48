import { useQuery } from "@tanstack/react-query";
import {
  type CreateOrgUnitInput,
  OrgTreeResponseSchema,
  OrgUnitSchema,
  type UpdateOrgUnitInput,
} from "../../../../../packages/contracts/src/org.ts";
import { api } from "../../api/client.ts";

export const orgKeys = {
  all: ["org"] as const,
  tree: () => [...orgKeys.all, "tree"] as const,
  /** A search answer carries the query it was for, so it has a key of its own. */
  search: (q: string) => [...orgKeys.all, "search", q] as const,
};

export const orgApi = {
  tree: (q: string | undefined, signal?: AbortSignal) => api.get("/api/org/tree", OrgTreeResponseSchema, { q }, signal),
  create: (input: CreateOrgUnitInput) => api.post("/api/org/units", OrgUnitSchema, input),
  rename: (id: string, input: UpdateOrgUnitInput) => api.patch(`/api/org/units/${id}`, OrgUnitSchema, input),
};

/**
 * The whole visible tree; the ticket list, its filters and its create dialog share one request and
 * one cached answer through the query key.
 */
export function useWholeOrgTree() {
  return useQuery({ queryKey: orgKeys.tree(), queryFn: ({ signal }) => orgApi.tree(undefined, signal) });
}
