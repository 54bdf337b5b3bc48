import { type JobName, JobRunListSchema, type JobRunState } from "../../../../../packages/contracts/src/jobs.ts";
import { api } from "../../api/client.ts";

export type JobRunQuery = {
  job?: JobName | undefined;
  state?: JobRunState | undefined;
  page: number;
  pageSize: number;
};

export const jobRunKeys = {
  all: ["job-runs"] as const,
  list: (query: JobRunQuery) => [...jobRunKeys.all, "list", query] as const,
};

export const jobRunsApi = {
  list: (query: JobRunQuery, signal?: AbortSignal) => api.get("/api/jobs/runs", JobRunListSchema, query, signal),
};
