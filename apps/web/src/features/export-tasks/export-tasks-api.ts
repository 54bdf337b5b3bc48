import {
  type ExportKind,
  ExportTaskListSchema,
  ExportTaskSchema,
} from "../../../../../packages/contracts/src/export-tasks.ts";
import { api } from "../../api/client.ts";

export const exportTasksApi = {
  start: (input: { kind: ExportKind; filter: Record<string, string | undefined> }) =>
    api.post("/api/export-tasks", ExportTaskSchema, input),
  list: (signal?: AbortSignal) => api.get("/api/export-tasks", ExportTaskListSchema, undefined, signal),
  downloadUrl: (id: string) => `/api/export-tasks/${id}/download`,
};
