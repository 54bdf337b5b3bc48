import { randomUUID } from "node:crypto";
import type { FieldChange, ItemInput, ItemLevel } from "../../../../../packages/contracts/src/catalog.ts";
import type { Ctx } from "../../platform/actor.ts";
import type { Db } from "../../platform/db/client.ts";
import { conflict, type FieldIssue } from "../../platform/errors.ts";
import { actorFields } from "../audit/audit.service.ts";
import { newVersionRows } from "./catalog.mapper.ts";
import { closeVersions, type ItemVersionRow, insertItems, insertVersions } from "./catalog.repo.ts";

/** One version to write: the new state, the version it replaces (none for a new item), and the diff. */
export type PendingVersion = {
  input: ItemInput;
  previous: ItemVersionRow | undefined;
  scopePath: string;
  changes: FieldChange[];
  action: "create" | "update" | "withdraw" | "import";
  withdrawn?: boolean;
};

export function changedBy(ctx: Pick<Ctx, "actor">): string {
  return actorFields(ctx.actor).actorName ?? "系统";
}

/**
 * Writes new versions in bulk: new items get an identity, replaced versions are closed at the
 * same instant the new ones begin. Closing only open versions makes a concurrent edit fail
 * (409) instead of leaving two current versions. Call inside a transaction.
 */
export async function writeVersions(ctx: Ctx, tx: Db, pending: readonly PendingVersion[]): Promise<string[]> {
  const now = ctx.clock.now();
  const by = changedBy(ctx);
  const identities: Array<{ id: string; tenantId: string; code: string }> = [];
  const versions = [];
  const materials = [];
  for (const p of pending) {
    const itemId = p.previous?.itemId ?? randomUUID();
    if (!p.previous) {
      identities.push({ id: itemId, tenantId: ctx.actor.tenantId, code: p.input.code });
    }
    const rows = newVersionRows(p.input, {
      tenantId: ctx.actor.tenantId,
      itemId,
      version: (p.previous?.version ?? 0) + 1,
      validFrom: now,
      action: p.action,
      changedBy: by,
      changes: p.changes,
      withdrawn: p.withdrawn ?? false,
      scopePath: p.scopePath,
    });
    versions.push(rows.version);
    materials.push(...rows.materials);
  }
  await insertItems(tx, identities);
  const previous = pending.flatMap((p) => (p.previous ? [p.previous.id] : []));
  if ((await closeVersions(tx, previous, now)) !== previous.length) {
    throw conflict("事项已被他人修改，请刷新后重试");
  }
  await insertVersions(tx, versions, materials);
  return versions.map((v) => v.itemId);
}

const PARENT_LEVELS: Record<ItemLevel, readonly ItemLevel[]> = {
  main: [],
  sub: ["main"],
  handling: ["main", "sub"],
};

/** 主项 → 子项 → 业务办理项: a parent must exist and sit above the item. */
export function hierarchyIssue(
  input: Pick<ItemInput, "code" | "level" | "parentCode">,
  parent: { level: string; withdrawn: boolean } | undefined,
): FieldIssue | null {
  if (!input.parentCode) {
    return null;
  }
  if (input.parentCode === input.code) {
    return { path: "parentCode", message: "上级事项不能是事项本身" };
  }
  if (!parent || parent.withdrawn) {
    return { path: "parentCode", message: `上级事项 ${input.parentCode} 不存在` };
  }
  const allowed = PARENT_LEVELS[input.level];
  if (!allowed.some((l) => l === parent.level)) {
    return {
      path: "parentCode",
      message: input.level === "sub" ? "子项的上级须为主项" : "业务办理项的上级须为主项或子项",
    };
  }
  return null;
}
