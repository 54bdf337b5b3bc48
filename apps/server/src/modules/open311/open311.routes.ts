import fastifyFormbody from "@fastify/formbody";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from "fastify-type-provider-zod";
import {
  OPEN311_CHANGESET,
  OPEN311_FORMATS,
  OPEN311_MEDIA_TYPES,
  OPEN311_SPECIFICATION,
  type Open311Discovery,
  type Open311Error,
  type Open311Format,
  Open311FormatParamsSchema,
  Open311JurisdictionQuerySchema,
  Open311PostInputSchema,
  Open311RequestParamsSchema,
  Open311RequestsQuerySchema,
  Open311ServiceParamsSchema,
} from "../../../../../packages/contracts/src/open311.ts";
import { AppError, type FieldIssue } from "../../platform/errors.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import {
  createServiceRequest,
  findServiceRequests,
  getServiceDefinition,
  getServiceRequest,
  listServices,
  resolveJurisdiction,
} from "./open311.service.ts";
import { toXmlDocument, type XmlValue } from "./open311-xml.ts";

/** Sends a GeoReport v2 answer as JSON or XML; `root` is the XML root element. */
function answer(reply: FastifyReply, format: Open311Format, root: string, body: XmlValue, status = 200) {
  const type = `${OPEN311_MEDIA_TYPES[format]}; charset=utf-8`;
  const text = format === "xml" ? toXmlDocument(root, body) : JSON.stringify(body);
  return reply.status(status).type(type).send(text);
}

/** The format a failed request asked for; JSON when it cannot be told. */
function formatOf(req: FastifyRequest): Open311Format {
  const params = req.params;
  if (params && typeof params === "object" && "format" in params) {
    return params.format === "xml" ? "xml" : "json";
  }
  return /\.xml$/.test(req.url.split("?")[0] ?? "") ? "xml" : "json";
}

function isFieldIssues(details: unknown): details is FieldIssue[] {
  return Array.isArray(details) && details.every((d) => typeof d?.path === "string" && typeof d?.message === "string");
}

function withField(field: string, message: string): string {
  return !field || message.startsWith(field) ? message : `${field}: ${message}`;
}

/**
 * The spec's error statuses: 403 for a missing or wrong api_key, 404 for what does not exist, 400
 * for a bad request. Null: a failure of ours, answered 500 in the same format so monitoring (and
 * the malformed-input test) still see it as a server fault.
 */
function toOpen311Failure(err: FastifyError): { status: number; errors: string[] } | null {
  if (err instanceof AppError) {
    switch (err.code) {
      case "unauthenticated":
        return { status: 403, errors: ["api_key was not provided or is invalid"] };
      case "forbidden":
      case "csrf_failed":
        return { status: 403, errors: ["api_key is not allowed to submit Open311 requests"] };
      case "not_found":
        return { status: 404, errors: [err.message] };
      case "internal":
        return null;
      default:
        return {
          status: 400,
          errors: isFieldIssues(err.details) ? err.details.map((i) => withField(i.path, i.message)) : [err.message],
        };
    }
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    return {
      status: 400,
      // "/status/0" → "status": the field, not the position in a comma list.
      errors: err.validation.map((v) =>
        withField(
          v.instancePath
            .replace(/^\//, "")
            .replace(/\/\d+$/, "")
            .replaceAll("/", "."),
          v.message ?? "is invalid",
        ),
      ),
    };
  }
  // Body parsing (malformed JSON, unsupported content type, too large) and the like.
  if (typeof err.statusCode === "number" && err.statusCode >= 400 && err.statusCode < 500) {
    return { status: err.statusCode === 404 ? 404 : 400, errors: [err.message] };
  }
  return null;
}

function open311ErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  let failure = toOpen311Failure(err);
  if (!failure) {
    req.log.error({ err }, "open311 request failed");
    failure = { status: 500, errors: [`general service error; please report request id ${req.id}`] };
  }
  const status = failure.status;
  const errors: Open311Error[] = failure.errors.map((description) => ({ code: status, description }));
  return answer(reply, formatOf(req), "errors", errors, status);
}

/**
 * Open311 GeoReport v2 under /open311: the discovery document and the v2 endpoint. Every answer,
 * errors included, is in the spec's format (JSON or XML, as the URL's suffix asks).
 */
export function registerOpen311Routes(app: App, deps: RouteDeps): void {
  const open = { access: { kind: "public" } } as const;
  void app.register(
    // biome-ignore lint/nursery/noMisusedPromises: Fastify awaits async plugins; the rule does not know register's overloads.
    async (plugin) => {
      const scope = plugin.withTypeProvider<ZodTypeProvider>();
      // The spec's POST is form-urlencoded; only these routes accept that content type.
      await scope.register(fastifyFormbody);
      scope.setErrorHandler(open311ErrorHandler);
      scope.setNotFoundHandler((req, reply) =>
        answer(reply, formatOf(req), "errors", [{ code: 404, description: "no such Open311 resource" }], 404),
      );

      scope.get("/discovery.json", {
        config: open,
        schema: { tags: ["open311"], summary: "Open311 服务发现文档" },
        handler: async (req, reply) => {
          const discovery: Open311Discovery = {
            changeset: OPEN311_CHANGESET,
            contact: "区政务服务数据管理局 · 12345政务服务便民热线",
            key_service: "接口密钥（权限范围 open311）请向区政务服务数据管理局申请",
            endpoints: [
              {
                specification: OPEN311_SPECIFICATION,
                url: `${req.protocol}://${req.host}/open311/v2`,
                changeset: OPEN311_CHANGESET,
                type: "production",
                formats: OPEN311_FORMATS.map((f) => OPEN311_MEDIA_TYPES[f]),
              },
            ],
          };
          return answer(reply, "json", "discovery", discovery);
        },
      });

      scope.get("/v2/services.:format", {
        config: open,
        schema: {
          tags: ["open311"],
          summary: "Open311 服务类型列表",
          params: Open311FormatParamsSchema,
          querystring: Open311JurisdictionQuerySchema,
        },
        handler: async (req, reply) => {
          if (req.query.jurisdiction_id) {
            await resolveJurisdiction(deps.database.db, req.query.jurisdiction_id);
          }
          return answer(reply, req.params.format, "services", listServices());
        },
      });

      scope.get("/v2/services/:service_code.:format", {
        config: open,
        schema: {
          tags: ["open311"],
          summary: "Open311 服务类型定义",
          params: Open311ServiceParamsSchema,
          querystring: Open311JurisdictionQuerySchema,
        },
        handler: async (req, reply) => {
          if (req.query.jurisdiction_id) {
            await resolveJurisdiction(deps.database.db, req.query.jurisdiction_id);
          }
          const definition = getServiceDefinition(req.params.service_code);
          return answer(reply, req.params.format, "service_definition", definition);
        },
      });

      scope.post("/v2/requests.:format", {
        config: { access: { kind: "api_key", scopes: ["open311"] } },
        schema: {
          tags: ["open311"],
          summary: "Open311 提交诉求（生成12345热线工单）",
          params: Open311FormatParamsSchema,
          body: Open311PostInputSchema,
        },
        handler: async (req, reply) => {
          const created = await createServiceRequest(deps.ctx(req), req.body);
          return answer(reply, req.params.format, "service_requests", created, 201);
        },
      });

      scope.get("/v2/requests.:format", {
        config: open,
        schema: {
          tags: ["open311"],
          summary: "Open311 诉求列表（公开，不含个人信息）",
          params: Open311FormatParamsSchema,
          querystring: Open311RequestsQuerySchema,
        },
        handler: async (req, reply) => {
          const tenant = await resolveJurisdiction(deps.database.db, req.query.jurisdiction_id);
          const found = await findServiceRequests(deps.database.db, tenant, req.query, deps.clock.now());
          return answer(reply, req.params.format, "service_requests", found);
        },
      });

      scope.get("/v2/requests/:service_request_id.:format", {
        config: open,
        schema: {
          tags: ["open311"],
          summary: "Open311 单个诉求（公开，不含个人信息）",
          params: Open311RequestParamsSchema,
          querystring: Open311JurisdictionQuerySchema,
        },
        handler: async (req, reply) => {
          const tenant = await resolveJurisdiction(deps.database.db, req.query.jurisdiction_id);
          const found = await getServiceRequest(
            deps.database.db,
            tenant,
            req.params.service_request_id,
            deps.clock.now(),
          );
          return answer(reply, req.params.format, "service_requests", found);
        },
      });
    },
    { prefix: "/open311" },
  );
}
