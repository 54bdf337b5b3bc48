import { CkanPackageAnswerSchema, CkanSearchAnswerSchema } from "../../../../../packages/contracts/src/open-data.ts";
import { api } from "../../api/client.ts";

/** The public portal reads the same CKAN Action API that harvesters read. */
const base = (tenant: string) => `/open-data/${encodeURIComponent(tenant)}/api/3/action`;
export const PAGE_SIZE = 20;

export const openDataKeys = {
  all: ["open-data"] as const,
  search: (tenant: string, q: string, page: number) => [...openDataKeys.all, tenant, "search", q, page] as const,
  dataset: (tenant: string, name: string) => [...openDataKeys.all, tenant, "dataset", name] as const,
};

export const openDataApi = {
  search: (tenant: string, q: string, page: number, signal?: AbortSignal) =>
    api.get(
      `${base(tenant)}/package_search`,
      CkanSearchAnswerSchema,
      { q: q || undefined, rows: PAGE_SIZE, start: (page - 1) * PAGE_SIZE },
      signal,
    ),
  dataset: (tenant: string, name: string, signal?: AbortSignal) =>
    api.get(`${base(tenant)}/package_show`, CkanPackageAnswerSchema, { id: name }, signal),
};
