import fastifyFormbody from "@fastify/formbody";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  Open311JurisdictionSchema,
  Open311PostSchema,
  Open311RequestsQuerySchema,
} from "../../../../../packages/contracts/src/open311.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import {
  createServiceRequest,
  findServiceRequests,
  getServiceRequest,
  listServices,
  Open311Error,
  resolveJurisdiction,
  serviceDefinition,
  toOpen311Error,
} from "./open311.service.ts";
import { toXml, type XmlValue } from "./open311-format.ts";

const FormatParam = z.object({ format: z.string() });
const ServiceParam = z.object({ service_code: z.string(), format: z.string() });
const RequestParam = z.object({ service_request_id: z.string(), format: z.string() });

function formatOf(format: string): "json" | "xml" {
  if (format !== "json" && format !== "xml") {
    throw new Open311Error(400, "format must be json or xml");
  }
  return format;
}

/** Sends a GeoReport v2 list in the asked format; `root` names the XML list element. */
function send(
  reply: FastifyReply,
  format: "json" | "xml",
  root: string,
  body: XmlValue[] | Record<string, XmlValue>,
  status = 200,
) {
  if (format === "xml") {
    return reply.status(status).type("text/xml; charset=utf-8").send(toXml(root, body));
  }
  return reply.status(status).type("application/json; charset=utf-8").send(JSON.stringify(body));
}

/** Every failure, including a bad key or a malformed field, in the spec's error format. */
function open311ErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const params = req.params;
  const format = params && typeof params === "object" && "format" in params && params.format === "xml" ? "xml" : "json";
  const clientFault = typeof err.statusCode === "number" && err.statusCode >= 400 && err.statusCode < 500;
  // Body-parser and validation failures carry a 4xx status of their own.
  const e =
    err.validation || (clientFault && !(err instanceof Open311Error))
      ? new Open311Error(err.statusCode ?? 400, err.message)
      : toOpen311Error(err);
  if (e.status >= 500) {
    req.log.error({ err }, "open311 failed");
  }
  return send(reply, format, "errors", [{ code: e.status, description: e.message }], e.status);
}

/** Open311 GeoReport v2 at /open311/v2, with its discovery document. */
export function registerOpen311Routes(app: App, deps: RouteDeps): void {
  const publicAccess = { access: { kind: "public" } } as const;
  // biome-ignore lint/nursery/noMisusedPromises: Fastify awaits async plugins.
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<ZodTypeProvider>();
    await scope.register(fastifyFormbody);
    scope.setErrorHandler(open311ErrorHandler);
    scope.get("/open311/discovery.json", {
      config: publicAccess,
      schema: { tags: ["open311"], summary: "Open311 discovery" },
      handler: async (req) => {
        const base = `${req.protocol}://${req.headers.host ?? "localhost"}`;
        return {
          changeset: "2026-11-28T00:00:00+08:00",
          contact: "12345政务服务便民热线",
          key_service: "向区政务服务数据管理局申请接口密钥（scope: open311）",
          endpoints: [
            {
              specification: "http://wiki.open311.org/GeoReport_v2",
              url: `${base}/open311/v2`,
              changeset: "2026-11-28T00:00:00+08:00",
              type: "production",
              formats: ["application/json", "text/xml"],
            },
          ],
        };
      },
    });
    scope.get("/open311/v2/services.:format", {
      config: publicAccess,
      schema: {
        tags: ["open311"],
        summary: "Open311 service list",
        params: FormatParam,
        querystring: Open311JurisdictionSchema,
      },
      handler: async (req, reply) => send(reply, formatOf(req.params.format), "services", listServices()),
    });
    scope.get("/open311/v2/services/:service_code.:format", {
      config: publicAccess,
      schema: { tags: ["open311"], summary: "Open311 service definition", params: ServiceParam },
      handler: async (req, reply) =>
        send(reply, formatOf(req.params.format), "service_definition", serviceDefinition(req.params.service_code)),
    });
    scope.post("/open311/v2/requests.:format", {
      config: { access: { kind: "api_key", scopes: ["open311"] } },
      schema: {
        tags: ["open311"],
        summary: "Open311: submit a service request",
        params: FormatParam,
        body: Open311PostSchema,
      },
      handler: async (req, reply) => {
        const format = formatOf(req.params.format);
        return send(reply, format, "service_requests", await createServiceRequest(deps.ctx(req), req.body), 201);
      },
    });
    scope.get("/open311/v2/requests.:format", {
      config: publicAccess,
      schema: {
        tags: ["open311"],
        summary: "Open311: service requests",
        params: FormatParam,
        querystring: Open311RequestsQuerySchema,
      },
      handler: async (req, reply) => {
        const format = formatOf(req.params.format);
        const tenant = await resolveJurisdiction(deps.database.db, req.query.jurisdiction_id);
        return send(
          reply,
          format,
          "service_requests",
          await findServiceRequests(deps.database.db, tenant, req.query, deps.clock.now()),
        );
      },
    });
    scope.get("/open311/v2/requests/:service_request_id.:format", {
      config: publicAccess,
      schema: {
        tags: ["open311"],
        summary: "Open311: one service request",
        params: RequestParam,
        querystring: Open311JurisdictionSchema,
      },
      handler: async (req, reply) => {
        const format = formatOf(req.params.format);
        const tenant = await resolveJurisdiction(deps.database.db, req.query.jurisdiction_id);
        return send(
          reply,
          format,
          "service_requests",
          await getServiceRequest(deps.database.db, tenant, req.params.service_request_id, deps.clock.now()),
        );
      },
    });
  });
}
