import { CkanError, invalid } from "./ckan-envelope.ts";

/** An action's parameters: a GET's query string or a POST's JSON object, as CKAN accepts both. */
export type Params = Record<string, unknown>;

/** CKAN's `natural_number_validator`: an integer ≥ 0 ("Invalid integer" / "Must be a natural number"). */
export function naturalNumber(p: Params, field: string, fallback: number): number {
  const raw = p[field];
  if (raw === undefined || raw === "") {
    return fallback;
  }
  const n =
    typeof raw === "number" ? raw : typeof raw === "string" && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(n)) {
    throw invalid(field, "Invalid integer");
  }
  if (n < 0) {
    throw invalid(field, "Must be a natural number");
  }
  return n;
}

/** CKAN's boolean validator: true/false, "true"/"false", "1"/"0", "yes"/"no". */
export function bool(p: Params, field: string, fallback: boolean): boolean {
  const raw = p[field];
  if (raw === undefined || raw === "") {
    return fallback;
  }
  if (typeof raw === "boolean") {
    return raw;
  }
  const s = String(raw).toLowerCase();
  if (["true", "1", "yes", "on"].includes(s)) {
    return true;
  }
  if (["false", "0", "no", "off"].includes(s)) {
    return false;
  }
  throw invalid(field, "Value must be one of ['true', 'false']");
}

export function text(p: Params, field: string): string | undefined {
  const raw = p[field];
  if (raw === undefined || raw === null) {
    return undefined;
  }
  if (typeof raw !== "string" && typeof raw !== "number") {
    throw invalid(field, "Must be a string");
  }
  return String(raw);
}

/** A required `id` (CKAN's `get_or_bust`): missing → Validation Error {"id": ["Missing value"]}. */
export function requiredId(p: Params): string {
  const id = text(p, "id");
  if (id === undefined || id.trim() === "") {
    throw invalid("id", "Missing value");
  }
  return id.trim();
}

/** A list given as a JSON array, a JSON-encoded array string, or a single value. */
export function list(p: Params, field: string): string[] | undefined {
  const raw = p[field];
  if (raw === undefined || raw === "") {
    return undefined;
  }
  if (Array.isArray(raw)) {
    return raw.map(String);
  }
  if (typeof raw === "string" && raw.trim().startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed)) {
        return parsed.map(String);
      }
    } catch {
      throw invalid(field, "Not a valid JSON list");
    }
  }
  return [String(raw)];
}

/** Parameters an action does not know are refused as CKAN's search does, naming them. */
export function refuseUnknown(p: Params, known: readonly string[]): void {
  // Cache busters and JSONP callbacks that HTTP clients add are not parameters of the action.
  const ignored = ["callback", "_"];
  const unknown = Object.keys(p).filter((k) => !known.includes(k) && !ignored.includes(k));
  if (unknown.length > 0) {
    throw new CkanError(
      "Search Query Error",
      `Search Query is invalid: "Invalid search parameters: [${unknown.map((k) => `'${k}'`).join(", ")}]"`,
    );
  }
}
