import { z } from "zod";
import { isRealDay, SERVICE_ERA } from "./common.ts";

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2). Field names are the spec's
 * (snake_case), ids and codes are strings, and datetimes carry a zone offset.
 */
export const OPEN311_SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
/** When this endpoint's behaviour last changed (the discovery document's changeset). */
export const OPEN311_CHANGESET = "2026-11-28T00:00:00+08:00";

export const OPEN311_FORMATS = ["json", "xml"] as const;
export const Open311FormatSchema = z.enum(OPEN311_FORMATS, { error: "format must be json or xml" });
export type Open311Format = z.infer<typeof Open311FormatSchema>;
export const OPEN311_MEDIA_TYPES: Record<Open311Format, string> = { json: "application/json", xml: "text/xml" };

/** "Optional" per the spec: an empty or null parameter means the same as an absent one. */
const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional()).optional();

/** A comma list that may also be declared several times (`status=open&status=closed`). */
const commaList = <T extends z.ZodType>(item: T, max: number, label: string) =>
  z
    .preprocess(
      (v) => {
        const parts = Array.isArray(v) ? v : v === null || v === undefined ? [] : [v];
        return parts
          .flatMap((p) => (typeof p === "string" ? p.split(",") : [p]))
          .flatMap((p) => {
            const s = typeof p === "string" ? p.trim() : p;
            return s === "" ? [] : [s];
          });
      },
      z.array(item).max(max, { error: `${label}: at most ${max} values` }),
    )
    .optional();

// Our jurisdiction_id is the tenant's code (e.g. 440114).
const JurisdictionIdSchema = z.string().regex(/^[A-Za-z0-9]{1,40}$/, { error: "jurisdiction_id is malformed" });

/** W3C datetime (the spec's subset of ISO 8601): the zone is required, seconds are optional. */
const W3cDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
    error: "must be a w3 datetime with a zone, e.g. 2022-09-30T10:00:00+08:00",
  })
  .refine((s) => !Number.isNaN(Date.parse(s)) && isRealDay(s), {
    error: `is not a valid datetime between ${SERVICE_ERA.from} and ${SERVICE_ERA.to}`,
  });

export const Open311FormatParamsSchema = z.object({ format: Open311FormatSchema });
export const Open311ServiceParamsSchema = z.object({
  service_code: z.string().max(40, { error: "service_code is too long" }),
  format: Open311FormatSchema,
});
export const Open311RequestParamsSchema = z.object({
  service_request_id: z.string().max(40, { error: "service_request_id is too long" }),
  format: Open311FormatSchema,
});
export const Open311JurisdictionQuerySchema = z.object({ jurisdiction_id: optional(JurisdictionIdSchema) });

// A schema-level error message would also replace the range checks' messages (zod 4).
const coordinate = (field: string, limit: number) =>
  z.coerce
    .number({ error: `${field} must be a number` })
    .min(-limit, { error: `${field} must be between -${limit} and ${limit}` })
    .max(limit, { error: `${field} must be between -${limit} and ${limit}` });

const required = (field: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${field} was not provided` : `${field} must be text`) })
    .trim()
    .min(1, { error: `${field} was not provided` })
    .max(max, { error: `${field} may not exceed ${max} characters` });

/**
 * POST Service Request (sent form-urlencoded; JSON is accepted too). `api_key` is read by the
 * auth hook; `attribute[code]` values are accepted and ignored (no service has metadata).
 */
export const Open311PostInputSchema = z
  .object({
    api_key: optional(z.string().max(200)),
    jurisdiction_id: optional(JurisdictionIdSchema),
    service_code: required("service_code", 40),
    // Optional in the spec, required here: a hotline ticket needs its content.
    description: required("description", 4000),
    lat: optional(coordinate("lat", 90)),
    long: optional(coordinate("long", 180)),
    address_string: optional(z.string().trim().max(200, { error: "address_string may not exceed 200 characters" })),
    address_id: optional(z.string().trim().max(60, { error: "address_id may not exceed 60 characters" })),
    email: optional(z.string().trim().max(254)),
    device_id: optional(z.string().trim().max(200)),
    account_id: optional(z.string().trim().max(200)),
    first_name: optional(z.string().trim().max(30, { error: "first_name may not exceed 30 characters" })),
    last_name: optional(z.string().trim().max(30, { error: "last_name may not exceed 30 characters" })),
    phone: optional(z.string().trim().max(30, { error: "phone may not exceed 30 characters" })),
    media_url: optional(z.string().trim().max(1000)),
  })
  .superRefine((v, c) => {
    if ((v.lat === undefined) !== (v.long === undefined)) {
      c.addIssue({ code: "custom", path: [v.lat === undefined ? "lat" : "long"], message: "lat and long go together" });
    } else if (v.lat === undefined && !v.address_string && !v.address_id) {
      c.addIssue({
        code: "custom",
        path: ["address_string"],
        message: "a location is required: lat and long, address_string or address_id",
      });
    }
  });
export type Open311PostInput = z.infer<typeof Open311PostInputSchema>;

export const OPEN311_STATUSES = ["open", "closed"] as const;
export const Open311StatusSchema = z.enum(OPEN311_STATUSES, { error: "status must be open or closed" });
export type Open311Status = z.infer<typeof Open311StatusSchema>;

/** GET Service Requests: without dates, the last 90 days; a range may not span more than 90 days. */
export const Open311RequestsQuerySchema = z.object({
  jurisdiction_id: optional(JurisdictionIdSchema),
  // Overrides every other filter, as the spec says.
  service_request_id: commaList(z.string().max(40), 1000, "service_request_id"),
  service_code: commaList(z.string().max(40), 20, "service_code"),
  start_date: optional(W3cDateTimeSchema),
  end_date: optional(W3cDateTimeSchema),
  status: commaList(Open311StatusSchema, 2, "status"),
});
export type Open311RequestsQuery = z.infer<typeof Open311RequestsQuerySchema>;
export const OPEN311_MAX_RESULTS = 1000;
export const OPEN311_MAX_RANGE_DAYS = 90;

// Answers. The routes serialize them as JSON or XML (see the spec's element names).
export const Open311ServiceSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(["realtime", "batch", "blackbox"]),
  keywords: z.string(),
  group: z.string(),
});
export type Open311Service = z.infer<typeof Open311ServiceSchema>;

export const Open311ServiceDefinitionSchema = z.object({
  service_code: z.string(),
  attributes: z.array(z.never()),
});
export type Open311ServiceDefinition = z.infer<typeof Open311ServiceDefinitionSchema>;

export const Open311PostResultSchema = z.object({
  service_request_id: z.string(),
  service_notice: z.string().nullable(),
  account_id: z.string().nullable(),
});
export type Open311PostResult = z.infer<typeof Open311PostResultSchema>;

export const Open311ServiceRequestSchema = z.object({
  service_request_id: z.string(),
  status: Open311StatusSchema,
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
export type Open311ServiceRequest = z.infer<typeof Open311ServiceRequestSchema>;

/** `code` is the HTTP status; `description` is meant for the person using the client. */
export const Open311ErrorSchema = z.object({ code: z.number().int(), description: z.string() });
export type Open311Error = z.infer<typeof Open311ErrorSchema>;

export const Open311DiscoverySchema = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(["production", "test"]),
      formats: z.array(z.string()),
    }),
  ),
});
export type Open311Discovery = z.infer<typeof Open311DiscoverySchema>;
