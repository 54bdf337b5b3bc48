import { z } from "zod";
import {
  PublicDisclosureSchema,
  type RateInput,
  RatesSchema,
  RatingListSchema,
  RatingSchema,
} from "../../../../../packages/contracts/src/evaluations.ts";
import { Id } from "../../../../../packages/contracts/src/id.ts";
import { api, type Query } from "../../api/client.ts";

const RateResultSchema = z.object({
  id: Id,
  level: z.number(),
  levelLabel: z.string(),
  rectification: z.boolean(),
});

export const ratingKeys = {
  all: ["ratings"] as const,
  rates: (query: Query) => [...ratingKeys.all, "rates", query] as const,
  list: (query: Query) => [...ratingKeys.all, "list", query] as const,
  disclosure: (tenant: string) => ["public-ratings", tenant] as const,
};

export const ratingsApi = {
  rate: (input: RateInput) => api.post("/api/public/ratings", RateResultSchema, input),
  disclosure: (tenant: string, signal?: AbortSignal) =>
    api.get("/api/public/ratings/disclosure", PublicDisclosureSchema, { tenant }, signal),
  rates: (q: Query, signal?: AbortSignal) => api.get("/api/ratings/rates", RatesSchema, q, signal),
  list: (q: Query, signal?: AbortSignal) => api.get("/api/ratings", RatingListSchema, q, signal),
  appeal: (id: string, reason: string) => api.post(`/api/ratings/${id}/appeal`, RatingSchema, { reason }),
  decide: (id: string, outcome: "invalid" | "malicious" | "rejected", reason: string) =>
    api.post(`/api/ratings/${id}/decision`, RatingSchema, { outcome, reason }),
};
