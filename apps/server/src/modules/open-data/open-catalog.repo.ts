import type { Db } from "../../platform/db/client.ts";
import type { OpenDataset } from "./open-dataset.ts";

/** The tenant's open resources (无条件/有条件开放), personal-data fields left out. Wired to data-sharing at merge. */
export async function loadOpenDatasets(_db: Db, _tenantId: string): Promise<OpenDataset[]> {
  return [];
}
