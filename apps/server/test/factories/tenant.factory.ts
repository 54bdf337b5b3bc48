import { randomUUID } from "node:crypto";
import { insertOrgUnits, type NewOrgUnitRow } from "../../src/modules/org/org.repo.ts";
import { insertTenant } from "../../src/modules/tenants/tenants.repo.ts";
import type { Db } from "../../src/platform/db/client.ts";

export type TestTenant = {
  id: string;
  code: string;
  units: Record<"root" | "a" | "a1" | "b" | "b1", { id: string; path: string; name: string }>;
};

/**
 * A small tenant of its own: root → department A → unit A1, and department B → unit B1.
 * A and B are siblings, so a grant on A is "in scope" for A1 and "out of scope" for B/B1.
 */
export async function buildTenant(db: Db): Promise<TestTenant> {
  const id = randomUUID();
  const code = `T${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  await insertTenant(db, { id, code, name: `测试区${code}`, fullName: `测试市测试区${code}` });
  const rows: NewOrgUnitRow[] = [];
  const make = (parent: NewOrgUnitRow | null, name: string, kind: string) => {
    const uid = randomUUID();
    const row: NewOrgUnitRow = {
      id: uid,
      tenantId: id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? "/"}${uid}/`,
      depth: parent ? parent.depth + 1 : 0,
      code: null,
      name,
      kind,
      sort: rows.length,
    };
    rows.push(row);
    return { id: uid, path: row.path, name, row };
  };
  const root = make(null, `测试区${code}`, "district");
  const a = make(root.row, `甲局${code}`, "department");
  const a1 = make(a.row, `甲局办公室${code}`, "department_unit");
  const b = make(root.row, `乙局${code}`, "department");
  const b1 = make(b.row, `乙局办公室${code}`, "department_unit");
  await insertOrgUnits(db, rows);
  const pick = (u: { id: string; path: string; name: string }) => ({ id: u.id, path: u.path, name: u.name });
  return { id, code, units: { root: pick(root), a: pick(a), a1: pick(a1), b: pick(b), b1: pick(b1) } };
}
