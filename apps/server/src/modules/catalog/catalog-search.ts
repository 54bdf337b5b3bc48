import { FRAMING_WORDS, SYNONYM_GROUPS } from "./catalog-search-terms.ts";

/** One item in force, as the public search sees it. */
export type SearchDoc = { code: string; name: string; keywords: string; materials: string; isMain: boolean };

/** A word of the query with the catalog terms it stands for (itself first). */
export type QueryTerm = { text: string; alternatives: readonly string[] };

export type Segmenter = (text: string) => string[];

type PreparedDoc = SearchDoc & { nameKey: string; keywordKey: string; materialKey: string };

/** Items prepared once per catalog generation; scoring a query is then a scan of ~2,000 names. */
export type SearchIndex = { docs: readonly PreparedDoc[]; df: Map<string, number> };

/**
 * A citizen's word stands for its group (营业执照 → 企业设立登记); the catalog's own wording, first in
 * its group, stands only for itself, so "企业设立登记" does not pull every item asking for a 营业执照.
 */
const SYNONYMS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const group of SYNONYM_GROUPS) {
    group.forEach((term, i) => {
      const list = map.get(term) ?? [term];
      for (const other of i === 0 ? [] : group) {
        if (!list.includes(other)) {
          list.push(other);
        }
      }
      map.set(term, list);
    });
  }
  return map;
})();

/** Longest first, so "港澳通行证" is taken before "通行证" would be. */
const KNOWN_PHRASES = [...SYNONYMS.keys()].sort((a, b) => b.length - a.length);

/** Lower case, full-width to half-width, and no spaces or punctuation: how names and queries compare. */
export function normalizeSearchText(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
}

export function buildSearchIndex(docs: readonly SearchDoc[]): SearchIndex {
  return {
    docs: docs.map((d) => ({
      ...d,
      nameKey: normalizeSearchText(d.name),
      keywordKey: normalizeSearchText(d.keywords),
      materialKey: normalizeSearchText(d.materials),
    })),
    df: new Map(),
  };
}

/**
 * The query's subject words: known catalog phrases and their synonyms first (so "开公司" is not cut
 * into 开 + 公司), the rest segmented; the citizen's framing ("怎么办理") dropped unless it is all there is.
 */
export function queryTerms(query: string, segment: Segmenter): QueryTerm[] {
  let rest = normalizeSearchText(query);
  const words: string[] = [];
  for (const phrase of KNOWN_PHRASES) {
    if (rest.includes(phrase)) {
      words.push(phrase);
      rest = rest.split(phrase).join(" ");
    }
  }
  for (const part of rest.split(" ").filter(Boolean)) {
    words.push(...segment(part));
  }
  const unique = [...new Set(words.map((w) => w.trim()).filter(Boolean))];
  const subject = unique.filter((w) => !FRAMING_WORDS.has(w) && (w.length > 1 || unique.length === 1));
  const chosen = subject.length > 0 ? subject : unique;
  return chosen.map((text) => ({ text, alternatives: SYNONYMS.get(text) ?? [text] }));
}

function matches(key: string, term: QueryTerm): boolean {
  return term.alternatives.some((a) => key.includes(a));
}

/** Inverse document frequency over item names: a word in every name ("登记") says little. */
function weightOf(index: SearchIndex, term: QueryTerm): number {
  let df = index.df.get(term.text);
  if (df === undefined) {
    df = index.docs.filter((d) => matches(d.nameKey, term)).length;
    index.df.set(term.text, df);
  }
  return Math.log(1 + index.docs.length / (1 + df));
}

export type SearchHit = { doc: SearchDoc; score: number };

/**
 * Ranks items for a citizen's query: the exact phrase in the name first, then names holding every
 * word, then by how much of the query the name, the keywords and (least) the materials hold.
 */
export function rankItems(index: SearchIndex, query: string, segment: Segmenter): SearchHit[] {
  const phrase = normalizeSearchText(query);
  const terms = queryTerms(query, segment);
  if (terms.length === 0) {
    return [];
  }
  const weights = terms.map((t) => weightOf(index, t));
  const hits: SearchHit[] = [];
  for (const doc of index.docs) {
    let score = 0;
    let inName = 0;
    let found = 0;
    terms.forEach((term, i) => {
      const w = weights[i] ?? 0;
      if (matches(doc.nameKey, term)) {
        score += 10 * w;
        inName++;
      } else if (matches(doc.keywordKey, term)) {
        score += 4 * w;
      } else if (matches(doc.materialKey, term)) {
        score += w;
      } else {
        return;
      }
      found++;
    });
    // An item that holds less than half of what was asked ("火箭发射许可" → 许可) is not an answer.
    if (score === 0 || found * 2 < terms.length) {
      continue;
    }
    if (doc.nameKey === phrase) {
      score += 400;
    } else if (phrase.length > 1 && doc.nameKey.includes(phrase)) {
      score += 200;
    }
    if (inName === terms.length) {
      score += 60;
    }
    // Among equals: the main item before its cases, the shorter name before the longer.
    score += (doc.isMain ? 2 : 0) - doc.nameKey.length * 0.05;
    hits.push({ doc, score });
  }
  return hits.sort((a, b) => b.score - a.score || a.doc.code.localeCompare(b.doc.code));
}
