import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { wanToFen } from "../../../../../packages/contracts/src/budget.ts";

/**
 * The figures the Huadu 2022 seed report states, transcribed into data/seed/huadu-2022-facts.json
 * with its inconsistencies left in (the 25 projects add up to 7,298.04 万元, the 决算 says 项目支出
 * 7,278.02). The demo loads its budget from here so it shows what the report really states.
 */
const FILE = fileURLToPath(new URL("../../../../../data/seed/huadu-2022-facts.json", import.meta.url));

const Wan = z.number().nonnegative();
const FactsSchema = z.object({
  finance: z.object({
    revenueWan: Wan,
    fiscalAppropriationWan: Wan,
    expenditureWan: Wan,
    basicExpenditureWan: Wan,
    projectExpenditureWan: Wan,
    carryOverYuan: Wan,
  }),
  projects: z.array(z.object({ no: z.number().int(), name: z.string(), budgetWan: Wan, executedWan: Wan })),
});
export type HuaduFacts = z.infer<typeof FactsSchema>;

let cached: HuaduFacts | undefined;
export function huadu2022Facts(): HuaduFacts {
  cached ??= FactsSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
  return cached;
}

/** 万元 as a JSON number (e.g. 717.5) to integer 分, exactly. */
export function wanNumberToFen(wan: number): number {
  const fen = wanToFen(wan.toFixed(2));
  if (fen === null) {
    throw new Error(`bad amount ${wan}`);
  }
  return fen;
}

/** 元 to 分. */
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);
