import { z } from "zod";

// 免提交 links between the service catalog and the resource catalog: a material exempt from
// submission names the shared-data source it is fetched from, and that source is a resource.

/** A catalog item (current version) whose exempt materials name the resource. */
export const ExemptItemSchema = z.object({
  itemCode: z.string(),
  itemName: z.string(),
  departmentName: z.string(),
  /** The item's materials that name the resource (usually one). */
  materials: z.number().int(),
  materialNames: z.array(z.string()),
});
export type ExemptItem = z.infer<typeof ExemptItemSchema>;
export const ExemptItemListSchema = z.object({
  /** The resource's name: what a material must name as its source to be linked. */
  source: z.string(),
  /** Items, and materials over all of them (every page). */
  total: z.number().int(),
  materials: z.number().int(),
  items: z.array(ExemptItemSchema),
});

/** One distinct source named by the catalog's 免提交 materials, with its resource or flagged. */
export const ExemptSourceSchema = z.object({
  source: z.string(),
  resourceCode: z.string().nullable(),
  resourceName: z.string().nullable(),
  items: z.number().int(),
  materials: z.number().int(),
  /** No resource of that name: the materials claim a source the data centre does not hold. */
  flagged: z.boolean(),
});
export type ExemptSource = z.infer<typeof ExemptSourceSchema>;
export const ExemptSourceListSchema = z.object({
  total: z.number().int(),
  flagged: z.number().int(),
  items: z.array(ExemptSourceSchema),
});
export type ExemptSourceList = z.infer<typeof ExemptSourceListSchema>;
