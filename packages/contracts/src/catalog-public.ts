import { z } from "zod";
import {
  CrossRegionScopeSchema,
  ExerciseLevelSchema,
  ItemLevelSchema,
  ItemTypeSchema,
  MaterialSchema,
  OnlineDepthSchema,
} from "./catalog.ts";

// What citizens see of the catalog on public pages: search results, item guides and bundles.
export const PublicSearchQuerySchema = z.object({
  tenant: z.string().trim().min(1).max(20).default("440114"),
  q: z.string().trim().max(50, { error: "关键词不能超过50字" }).default(""),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const PublicTenantQuerySchema = z.object({ tenant: z.string().trim().min(1).max(20).default("440114") });

export const PublicItemSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  type: ItemTypeSchema,
  departmentName: z.string(),
  promisedLimitDays: z.number().int(),
  visitsRequired: z.number().int(),
  onlineDepth: OnlineDepthSchema,
  deferrable: z.boolean(),
});
export const PublicSearchResultSchema = z.object({
  total: z.number().int(),
  items: z.array(PublicItemSummarySchema),
});

/** The guide a citizen reads: no staff names, no internal ids. */
export const PublicItemGuideSchema = PublicItemSummarySchema.extend({
  level: ItemLevelSchema,
  implementingBody: z.string(),
  legalBasis: z.string(),
  exerciseLevel: ExerciseLevelSchema,
  statutoryLimitDays: z.number().int(),
  place: z.string(),
  fees: z.string(),
  result: z.string(),
  crossRegionScopes: z.array(CrossRegionScopeSchema),
  bookableTown: z.boolean(),
  bookableVillage: z.boolean(),
  materials: z.array(MaterialSchema.omit({ id: true })),
  bundles: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type PublicItemGuide = z.infer<typeof PublicItemGuideSchema>;
export const PublicBundleSchema = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  items: z.array(PublicItemSummarySchema),
});
export const PublicBundleListSchema = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), itemCount: z.number().int() })),
});
