/** Reads a positive integer from the query string, falling back when absent or malformed. */
export function positiveInt(raw: string | null, fallback: number): number {
  const n = raw === null ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

/** A new URLSearchParams holding only the non-empty values. */
export function compactParams(values: Record<string, string | number | null | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v !== undefined && v !== null && v !== "") {
      params.set(k, String(v));
    }
  }
  return params;
}
