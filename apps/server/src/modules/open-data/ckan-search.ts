import { tagsOf } from "./ckan-dicts.ts";
import { CkanError } from "./ckan-envelope.ts";
import { bool, list, naturalNumber, type Params, refuseUnknown, text } from "./ckan-params.ts";
import { downloadsOf, type OpenDataset } from "./open-dataset.ts";

/*
 * package_search over the open catalog, with CKAN's parameters and defaults (q "*:*", rows 10 capped
 * at 1000, start 0, sort "score desc, metadata_modified desc", facets only when facet.field names
 * them). The district's open catalog is hundreds of datasets, so the search runs over the list in
 * memory, which keeps Solr's field semantics (AND of terms, field:value, quoted phrases, negation).
 */
export const ROWS_MAX = 1000;
export const DEFAULT_SORT = "score desc, metadata_modified desc";
const KNOWN = [
  "q",
  "fq",
  "fq_list",
  "rows",
  "start",
  "sort",
  "facet",
  "facet.field",
  "facet.limit",
  "facet.mincount",
  "include_private",
  "include_drafts",
  "include_deleted",
  "use_default_schema",
  "defType",
];
const FACETABLE = ["organization", "groups", "tags", "res_format", "license_id"] as const;
type Facet = (typeof FACETABLE)[number];
const SORTABLE = ["score", "metadata_modified", "metadata_created", "name", "title_string"] as const;

/** The values a dataset has for a Solr field CKAN indexes. */
function valuesOf(d: OpenDataset, field: string, licenceId: string): string[] | undefined {
  switch (field) {
    case "name":
      return [d.code];
    case "id":
      return [d.id];
    case "title":
      return [d.title];
    case "notes":
      return [d.summary];
    case "organization":
    case "owner_org":
      return [d.provider.id];
    case "groups":
      return [d.classification];
    case "tags":
      return tagsOf(d);
    case "res_format":
      return downloadsOf(d).map((x) => x.format);
    case "license_id":
      return [licenceId];
    case "text":
      return [d.title, d.summary, d.provider.name, ...tagsOf(d), ...d.fields.map((f) => f.name)];
    default:
      return undefined;
  }
}

type Clause = { field: string; value: string; negate: boolean };

/** Splits a Solr query into clauses: `field:value`, `field:"a phrase"`, bare terms, `-` negation. */
export function parseClauses(query: string): Clause[] {
  const out: Clause[] = [];
  const re = /([+-]?)(?:([A-Za-z_][\w.]*):)?(?:"([^"]*)"|(\S+))/g;
  for (const m of query.matchAll(re)) {
    const value = (m[3] ?? m[4] ?? "").trim();
    if (value === "" || value === "AND" || value === "&&") {
      continue;
    }
    out.push({ field: m[2] ?? "text", value, negate: m[1] === "-" });
  }
  return out;
}

function matches(d: OpenDataset, c: Clause, licenceId: string): boolean {
  if (c.value === "*") {
    return !c.negate;
  }
  const values = valuesOf(d, c.field, licenceId);
  if (!values) {
    throw new CkanError("Search Error", `Search error: undefined field ${c.field}`);
  }
  const v = c.value.toLowerCase();
  // Free text matches inside words (Chinese has no spaces); a field's value matches whole.
  const hit = values.some((x) => (c.field === "text" ? x.toLowerCase().includes(v) : x.toLowerCase() === v));
  return hit !== c.negate;
}

function score(d: OpenDataset, clauses: Clause[]): number {
  let s = 0;
  for (const c of clauses.filter((x) => x.field === "text" && !x.negate)) {
    const v = c.value.toLowerCase();
    s += d.title.toLowerCase().includes(v) ? 3 : 0;
    s += tagsOf(d).some((t) => t.toLowerCase().includes(v)) ? 2 : 0;
    s += d.summary.toLowerCase().includes(v) ? 1 : 0;
  }
  return s;
}

type SortKey = { field: (typeof SORTABLE)[number]; desc: boolean };

export function parseSort(sort: string): SortKey[] {
  return sort.split(",").map((part) => {
    const [field = "", dir = "asc", ...rest] = part.trim().split(/\s+/);
    if (!(SORTABLE as readonly string[]).includes(field) || !["asc", "desc"].includes(dir) || rest.length > 0) {
      throw new CkanError("Search Error", `Search error: Can not sort on "${part.trim()}"`);
    }
    return { field: field as SortKey["field"], desc: dir === "desc" };
  });
}

function compare(a: OpenDataset & { score: number }, b: OpenDataset & { score: number }, keys: SortKey[]): number {
  for (const k of keys) {
    const va = sortValue(a, k.field);
    const vb = sortValue(b, k.field);
    const c = va < vb ? -1 : va > vb ? 1 : 0;
    if (c !== 0) {
      return k.desc ? -c : c;
    }
  }
  return a.code < b.code ? -1 : 1;
}

function sortValue(d: OpenDataset & { score: number }, field: SortKey["field"]): number | string {
  switch (field) {
    case "score":
      return d.score;
    case "metadata_modified":
      return d.updatedAt.getTime();
    case "metadata_created":
      return d.createdAt.getTime();
    case "name":
      return d.code;
    case "title_string":
      return d.title;
  }
}

export type SearchOutcome = {
  count: number;
  sort: string;
  page: OpenDataset[];
  facets: Record<string, Record<string, number>>;
  searchFacets: Record<string, { title: string; items: { name: string; display_name: string; count: number }[] }>;
};

export function searchDatasets(all: readonly OpenDataset[], p: Params, licenceId: string): SearchOutcome {
  refuseUnknown(p, KNOWN);
  const q = text(p, "q")?.trim() || "*:*";
  const fq = [text(p, "fq") ?? "", ...(list(p, "fq_list") ?? [])].join(" ");
  const rows = Math.min(naturalNumber(p, "rows", 10), ROWS_MAX);
  const start = naturalNumber(p, "start", 0);
  const sort = text(p, "sort")?.trim() || DEFAULT_SORT;
  const keys = parseSort(sort);
  const wantFacets = bool(p, "facet", true);
  const facetFields = list(p, "facet.field") ?? [];
  const facetLimit = Number(text(p, "facet.limit") ?? 50);
  const facetMin = naturalNumber(p, "facet.mincount", 1);
  const qClauses = q === "*:*" ? [] : parseClauses(q);
  const fqClauses = parseClauses(fq);
  const hits = all
    .filter((d) => [...qClauses, ...fqClauses].every((c) => matches(d, c, licenceId)))
    .map((d) => ({ ...d, score: score(d, qClauses) }))
    .sort((a, b) => compare(a, b, keys));
  const facets: SearchOutcome["facets"] = {};
  const searchFacets: SearchOutcome["searchFacets"] = {};
  for (const f of wantFacets ? facetFields : []) {
    if (!(FACETABLE as readonly string[]).includes(f)) {
      throw new CkanError("Search Error", `Search error: undefined field ${f}`);
    }
    const counts = new Map<string, { label: string; n: number }>();
    for (const d of hits) {
      for (const [value, label] of facetValues(d, f as Facet, licenceId)) {
        const c = counts.get(value) ?? { label, n: 0 };
        c.n++;
        counts.set(value, c);
      }
    }
    const items = [...counts.entries()]
      .filter(([, c]) => c.n >= facetMin)
      .sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))
      .slice(0, facetLimit < 0 ? undefined : facetLimit);
    facets[f] = Object.fromEntries(items.map(([v, c]) => [v, c.n]));
    searchFacets[f] = { title: f, items: items.map(([v, c]) => ({ name: v, display_name: c.label, count: c.n })) };
  }
  return { count: hits.length, sort, page: hits.slice(start, start + rows), facets, searchFacets };
}

function facetValues(d: OpenDataset, f: Facet, licenceId: string): [string, string][] {
  switch (f) {
    case "organization":
      return [[d.provider.id, d.provider.name]];
    case "groups":
      return [[d.classification, d.classificationLabel]];
    case "tags":
      return tagsOf(d).map((t) => [t, t]);
    case "res_format":
      return downloadsOf(d).map((x) => [x.format, x.format]);
    case "license_id":
      return [[licenceId, licenceId]];
  }
}
