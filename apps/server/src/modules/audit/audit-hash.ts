import { createHash } from "node:crypto";

/** JSON with object keys sorted at every level, so jsonb's key reordering does not change hashes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(",")}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export type ChainedFields = {
  tenantId: string;
  /** Absent for stream 0, the single chain of entries written before streams existed. */
  stream?: number | undefined;
  seq: number;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  scopePath: string | null;
  summary: unknown;
  requestId: string | null;
};

/** The link hash: every field of the row plus the previous row's hash. */
export function chainHash(prevHash: string, row: ChainedFields): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(row)).digest("hex");
}
