import {
  BudgetImportResultSchema,
  type BudgetYearInput,
  BudgetYearListSchema,
  BudgetYearSchema,
} from "../../../../../packages/contracts/src/budget.ts";
import { api, uploadFile } from "../../api/client.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

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
