import {
  ComparisonSchema,
  EvaluationListSchema,
  EvaluationSchema,
  type UpdateItemInput,
} from "../../../../../packages/contracts/src/self-evaluation.ts";
import { api } from "../../api/client.ts";

export const evaluationKeys = {
  all: ["evaluations"] as const,
  list: (year: number) => [...evaluationKeys.all, "list", year] as const,
  detail: (id: string) => [...evaluationKeys.all, "detail", id] as const,
  compare: (from: string, to: string) => [...evaluationKeys.all, "compare", from, to] as const,
};

export const evaluationsApi = {
  list: (year: number, signal?: AbortSignal) => api.get("/api/evaluations", EvaluationListSchema, { year }, signal),
  get: (id: string, signal?: AbortSignal) => api.get(`/api/evaluations/${id}`, EvaluationSchema, undefined, signal),
  create: (year: number) => api.post("/api/evaluations", EvaluationSchema, { year }),
  updateItem: (id: string, code: string, input: UpdateItemInput) =>
    api.put(`/api/evaluations/${id}/items/${code}`, EvaluationSchema, input),
  act: (id: string, verb: "submit" | "approve" | "revise") =>
    api.post(`/api/evaluations/${id}/${verb}`, EvaluationSchema),
  sendBack: (id: string, reason: string) => api.post(`/api/evaluations/${id}/return`, EvaluationSchema, { reason }),
  compare: (from: string, to: string, signal?: AbortSignal) =>
    api.get("/api/evaluations/compare", ComparisonSchema, { from, to }, signal),
};
