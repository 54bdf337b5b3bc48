import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { addWords, topicTerms } from "../../platform/text-terms.ts";
import { extractKeywords } from "./text-similarity.ts";

/** A tenant's place names (towns, streets, villages, communities, with and without their suffix). */
const places = new Map<string, { names: Set<string>; at: number }>();
// The org tree changes rarely; a renamed village is known to the segmenter within ten minutes.
const PLACES_TTL_MS = 10 * 60_000;

async function placeNames(db: Db, tenantId: string, now: number): Promise<Set<string>> {
  const cached = places.get(tenantId);
  if (cached && now - cached.at < PLACES_TTL_MS) {
    return cached.names;
  }
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select name from org_units where tenant_id = ${tenantId} and kind in ('town', 'street', 'village', 'community')`,
  );
  const names = new Set<string>();
  for (const { name } of rows) {
    names.add(name);
    const short = name.replace(/(街道|镇|村民委员会|居民委员会|社区|村)$/, "");
    if (short.length >= 2) {
      names.add(short);
    }
  }
  addWords([...names]);
  places.set(tenantId, { names, at: now });
  return names;
}

/**
 * The keywords stored with a new ticket: the dispatch vocabulary's words it names (the routing
 * suggestions match on them) and its topic terms for the 诉求 analysis, without place names.
 */
export async function ticketKeywords(db: Db, tenantId: string, text: string, now: Date): Promise<string[]> {
  const names = await placeNames(db, tenantId, now.getTime());
  return [...new Set([...extractKeywords(text), ...topicTerms(text, names)])].slice(0, 16);
}
