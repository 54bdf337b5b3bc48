import type { Db } from "../../platform/db/client.ts";
import { findMaterials, findVersion } from "../catalog/catalog.repo.ts";

/** What 容缺受理 needs of an item as it stood when the case was accepted. */
export type DeferralItem = {
  name: string;
  onList: boolean;
  promisedLimitDays: number;
  /** Secondary materials the catalog allows to be brought later. */
  deferrableMaterials: string[];
};

export async function findDeferralItem(
  db: Db,
  tenantId: string,
  itemCode: string,
  at: Date,
): Promise<DeferralItem | undefined> {
  const v = await findVersion(db, tenantId, { code: itemCode }, at);
  if (!v || v.withdrawn) {
    return undefined;
  }
  const materials = (await findMaterials(db, [v.id])).get(v.id) ?? [];
  return {
    name: v.name,
    onList: v.isDeferrable,
    promisedLimitDays: v.promisedLimitDays,
    deferrableMaterials: materials.filter((m) => m.isDeferrable).map((m) => m.name),
  };
}
