import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openOwnTestDatabase } from "../../../test/test-db.ts";
import { systemClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { createTenantFromCode } from "../tenants/tenants.service.ts";
import { DEMO_ACCOUNTS } from "./demo-accounts.ts";
import { BAD_RATING_TOWN } from "./demo-bad-ratings.ts";
import { TOWN_WEIGHTS } from "./demo-texts.ts";

let database: Database;
// Its own database: on a shared PostgreSQL another file may already hold district 440114.
let drop: () => Promise<void> = async () => {};
let names = new Set<string>();
let towns: string[] = [];

beforeAll(async () => {
  ({ database, drop } = await openOwnTestDatabase());
  const { tenant } = await createTenantFromCode(database.db, "440114", systemClock);
  const units = await queryRows<{ name: string; kind: string }>(
    database.db,
    sql`select name, kind from org_units where tenant_id = ${tenant.id}`,
  );
  names = new Set(units.map((u) => u.name));
  towns = units.filter((u) => u.kind === "town" || u.kind === "street").map((u) => u.name);
}, 60_000);
afterAll(() => drop());

/** The demo generator's sources: every text it writes comes from these. */
function demoSources(): Array<{ file: string; text: string }> {
  const dir = join(import.meta.dirname);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => join(dir, f));
  files.push(join(dir, "../appointments/demo.ts"));
  return files.map((file) => ({ file, text: readFileSync(file, "utf8") }));
}

describe("place names in the demo's texts", () => {
  it("name a town or street as its org unit does (新华街道, not 新华街)", () => {
    expect(towns.length).toBe(10);
    // A street's short form (新华街) or a town's bare name (狮岭) where the unit is meant.
    const wrong = demoSources().flatMap(({ file, text }) =>
      towns.flatMap((town) => {
        const bare = town.replace(/街道$|镇$/, "");
        const short = town.endsWith("街道") ? new RegExp(`${bare}街(?!道)`, "g") : new RegExp(`${bare}(?!镇)`, "g");
        return [...text.matchAll(short)].map((m) => `${file.split("/").slice(-2).join("/")}: ${m[0]}（应为 ${town}）`);
      }),
    );
    expect(wrong).toEqual([]);
  });

  it("name only existing org units where they look one up by name", () => {
    const looked = [
      BAD_RATING_TOWN,
      ...Object.keys(TOWN_WEIGHTS),
      ...DEMO_ACCOUNTS.map((a) => a.memberOf),
      // SQL literals comparing a unit's name.
      ...demoSources().flatMap(({ text }) => [...text.matchAll(/\bname = '([^']+)'/g)].map((m) => m[1] ?? "")),
    ];
    expect(looked.filter((n) => !names.has(n))).toEqual([]);
  });
});
