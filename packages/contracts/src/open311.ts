import { z } from "zod";

/** GeoReport v2 (http://wiki.open311.org/GeoReport_v2): ids and codes are strings. */
export const Open311FormatSchema = z.enum(["json", "xml"], { error: "format 只能是 json 或 xml" });
export const Open311FormatParamSchema = z.object({ format: Open311FormatSchema });
export const Open311ServiceParamSchema = z.object({ service_code: z.string().max(40), format: Open311FormatSchema });
export const Open311RequestParamSchema = z.object({
  service_request_id: z.string().max(40),
  format: Open311FormatSchema,
});

export const Open311JurisdictionSchema = z.object({
  jurisdiction_id: z
    .string()
    .regex(/^[A-Za-z0-9]{1,40}$/, { error: "jurisdiction_id 格式不正确" })
    .optional(),
});

export const Open311PostSchema = z.object({
  api_key: z.string().optional(),
  jurisdiction_id: z.string().optional(),
  service_code: z.string().min(1).max(40),
  description: z.string().trim().min(1).max(4000),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  address_string: z.string().trim().max(200).optional(),
  address_id: z.string().max(60).optional(),
  email: z.string().max(120).optional(),
  device_id: z.string().max(120).optional(),
  account_id: z.string().max(120).optional(),
  first_name: z.string().trim().max(30).optional(),
  last_name: z.string().trim().max(30).optional(),
  phone: z.string().trim().max(30).optional(),
  description_details: z.string().optional(),
  media_url: z.string().max(500).optional(),
});
export type Open311Post = z.infer<typeof Open311PostSchema>;

export const Open311RequestsQuerySchema = z.object({
  jurisdiction_id: z
    .string()
    .regex(/^[A-Za-z0-9]{1,40}$/, { error: "jurisdiction_id 格式不正确" })
    .optional(),
  service_request_id: z.string().max(2000).optional(),
  service_code: z.string().max(40).optional(),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  status: z.enum(["open", "closed"]).optional(),
});
export type Open311RequestsQuery = z.infer<typeof Open311RequestsQuerySchema>;
