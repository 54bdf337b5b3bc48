import {
  BudgetImportResultSchema,
  type BudgetYearInput,
  BudgetYearListSchema,
  BudgetYearSchema,
} from "../../../../../packages/contracts/src/budget.ts";
import { api, uploadFile } from "../../api/client.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * A budget change also moves the self-evaluation's scores and the report's figures, so a change
 * invalidates `dependents` as well as its own keys.
 */
export const budgetKeys = {
  all: ["budget"] as const,
  years: () => [...budgetKeys.all, "years"] as const,
  year: (year: number) => [...budgetKeys.all, "year", year] as const,
  dependents: [["budget"], ["evaluations"], ["reports"]] as const,
};

export const budgetApi = {
  years: (signal?: AbortSignal) => api.get("/api/budget/years", BudgetYearListSchema, undefined, signal),
  year: (year: number, signal?: AbortSignal) =>
    api.get(`/api/budget/years/${year}`, BudgetYearSchema, undefined, signal),
  saveYear: (year: number, input: BudgetYearInput) => api.put(`/api/budget/years/${year}`, BudgetYearSchema, input),
  importFile: (year: number, file: File, dryRun: boolean) =>
    uploadFile(`/api/budget/years/${year}/import`, file, XLSX, BudgetImportResultSchema, { dryRun }),
  exportUrl: (year: number) => `/api/budget/years/${year}/export.xlsx`,
  evidenceUrl: (factId: string) => `/api/budget/facts/${factId}/evidence`,
};
