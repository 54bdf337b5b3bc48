import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiErrorSchema } from "../../../packages/contracts/src/common.ts";
import { registerApiKeyRoutes } from "./modules/api-keys/api-keys.routes.ts";
import { resolveApiKey } from "./modules/api-keys/api-keys.service.ts";
import { registerAppointmentRoutes } from "./modules/appointments/appointments.routes.ts";
import { registerPublicAppointmentRoutes } from "./modules/appointments/public.routes.ts";
import { registerAuditRoutes } from "./modules/audit/audit.routes.ts";
import { registerAuthRoutes } from "./modules/auth/auth.routes.ts";
import { resolveSession } from "./modules/auth/auth.service.ts";
import { registerBudgetRoutes } from "./modules/budget/budget.routes.ts";
import { registerCalendarRoutes } from "./modules/calendar/calendar.routes.ts";
import { registerCatalogRoutes } from "./modules/catalog/catalog.routes.ts";
import { registerBriefingRoutes } from "./modules/dashboard/briefing.routes.ts";
import { registerDashboardRoutes } from "./modules/dashboard/dashboard.routes.ts";
import { registerBatchUploadRoutes } from "./modules/data-sharing/batch-upload.routes.ts";
import { registerBatchRoutes } from "./modules/data-sharing/batches.routes.ts";
import { registerDataKeyRoutes } from "./modules/data-sharing/data-keys.routes.ts";
import { registerExchangeRoutes } from "./modules/data-sharing/exchange.routes.ts";
import { registerExemptLinkRoutes } from "./modules/data-sharing/exempt-links.routes.ts";
import { registerRequestRoutes } from "./modules/data-sharing/requests.routes.ts";
import { registerResourceRoutes } from "./modules/data-sharing/resources.routes.ts";
import { registerStatisticsRoutes } from "./modules/data-sharing/statistics.routes.ts";
import { registerDeferralRoutes } from "./modules/deferrals/deferrals.routes.ts";
import { registerEvaluationRoutes } from "./modules/evaluations/evaluations.routes.ts";
import { registerExportTaskRoutes } from "./modules/export-tasks/export-tasks.routes.ts";
import { registerJobRoutes } from "./modules/jobs/jobs.routes.ts";
import { registerOnlineCaseRoutes } from "./modules/online-cases/online-cases.routes.ts";
import { registerOpenDataRoutes } from "./modules/open-data/open-data.routes.ts";
import { registerOpen311Routes } from "./modules/open311/open311.routes.ts";
import { registerOrgRoutes } from "./modules/org/org.routes.ts";
import { registerReportRoutes } from "./modules/reports/reports.routes.ts";
import { registerSelfEvaluationRoutes } from "./modules/self-evaluation/self-evaluation.routes.ts";
import { registerUserRoutes } from "./modules/users/users.routes.ts";
import { registerIntakeRoutes } from "./modules/work-orders/intake.routes.ts";
import { registerWorkOrderSettingsRoutes } from "./modules/work-orders/settings.routes.ts";
import { registerWorkOrderRoutes } from "./modules/work-orders/work-orders.routes.ts";
import { registerWorkbenchRoutes } from "./modules/workbench/workbench.routes.ts";
import type { Clock } from "./platform/clock.ts";
import type { Config, TrustProxy } from "./platform/config.ts";
import type { Database } from "./platform/db/client.ts";
import { AppError } from "./platform/errors.ts";
import type { Access } from "./platform/http/access-config.ts";
import type { App, RouteDeps } from "./platform/http/app-types.ts";
import { installAuthHook } from "./platform/http/auth-hook.ts";
import { errorForLog, installErrorHandler, sendError } from "./platform/http/error-handler.ts";
import { makeCtxFactory } from "./platform/http/request-context.ts";
import { installTextGuard } from "./platform/http/text-guard.ts";
import { securityHeaders } from "./security/headers.ts";

export const WEB_DIST = fileURLToPath(new URL("../../../dist/web/", import.meta.url));

/** `access` is read late: a plugin's own onRoute hook may set it after ours has run. */
export type RegisteredRoute = { method: string; url: string; readonly access: Access | undefined };

// Personal data and secrets never reach the log.
const REDACT = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["x-api-key"]',
  'req.headers["x-csrf-token"]',
  "*.password",
  "*.phone",
  "*.idNumber",
];

export function redactQuerySecrets(url: string): string {
  return url.replace(/([?&](?:api_key|phoneTail)=)[^&]*/gi, "$1[REDACTED]");
}

/** Builds the HTTP app: platform hooks, then each module's routes. */
/** A hop count becomes proxy-addr's predicate (this Fastify's types take no number). */
function fastifyTrustProxy(tp: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof tp === "number" ? (_address, hop) => hop < tp : tp;
}

export async function buildApp(opts: {
  database: Database;
  config: Config;
  clock: Clock;
  logger?: boolean;
  /** Where the log goes instead of stdout (tests read it). */
  logStream?: { write(line: string): void };
}) {
  const { database, config, clock } = opts;
  const fastify = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: REDACT,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
            // Open311 clients may put their api_key in the query string: keep it out of the log.
            serializers: {
              req: (req: { method: string; url: string; ip?: string }) => ({
                method: req.method,
                url: redactQuerySecrets(req.url),
                remoteAddress: req.ip,
              }),
              // A failed query's message lists its bound parameters: never log it.
              err: errorForLog,
            },
          },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1024 * 1024,
    // TRUST_PROXY: behind a load balancer, req.ip (rate limits, sign-in lock-out, proof limits, the
    // audit's address) is the client's from X-Forwarded-For; off, the header is ignored.
    trustProxy: fastifyTrustProxy(config.http.trustProxy),
    // Router-level failures (over-long or malformed URL parameters) get the same error shape.
    frameworkErrors: (err, req, reply) => {
      const status = typeof err.statusCode === "number" && err.statusCode < 500 ? err.statusCode : 400;
      return sendError(reply, status, String(req.id), "validation", "请求地址或参数格式不正确");
    },
  });
  const app: App = fastify.withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const routes: RegisteredRoute[] = [];
  app.addHook("onRoute", (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const method of methods) {
      routes.push({
        method,
        url: r.url,
        get access() {
          return r.config?.access;
        },
      });
    }
  });
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, securityHeaders(config));
  // Limits are declared per route (config.rateLimit); the 429 has the usual error shape.
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) =>
      new AppError("rate_limited", `请求过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试`, {
        retryAfterSeconds: Math.ceil(ctx.ttl / 1000),
      }),
  });
  await app.register(fastifySwagger, {
    openapi: { info: { title: "Zhengwu 政务 API", version: "0.1.0" } },
    transform: jsonSchemaTransform,
  });
  installErrorHandler(app);
  installTextGuard(app);
  installAuthHook(app, database.db, clock, { resolveSession, resolveApiKey });

  const deps: RouteDeps = { database, clock, config, ctx: makeCtxFactory(database.db, clock) };
  app.get("/healthz", {
    config: { access: { kind: "public" } },
    schema: { hide: true, response: { 200: z.object({ status: z.literal("ok") }), 503: ApiErrorSchema } },
    handler: async (req, reply) => {
      try {
        await Promise.race([
          database.ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error("db ping timeout")), 2000).unref()),
        ]);
        return { status: "ok" as const };
      } catch (err) {
        req.log.warn({ err }, "health check failed");
        return sendError(reply.code(503), 503, String(req.id), "unavailable", "数据库不可用");
      }
    },
  });
  // A readable reference at /api/docs, the OpenAPI JSON at /api/docs/json (and YAML at /api/docs/yaml).
  // biome-ignore lint/nursery/noMisusedPromises: Fastify awaits async plugins; the rule does not know register's overloads.
  await app.register(async (docsApp) => {
    docsApp.addHook("onRoute", (r) => {
      r.config = { ...r.config, access: { kind: "public" } };
    });
    await docsApp.register(fastifySwaggerUi, {
      routePrefix: "/api/docs",
      uiConfig: { docExpansion: "none", deepLinking: true },
      theme: { title: "Zhengwu 政务 API 参考" },
    });
  });
  registerAuthRoutes(app, deps);
  registerOrgRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerApiKeyRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerJobRoutes(app, deps);
  registerWorkOrderRoutes(app, deps);
  registerBudgetRoutes(app, deps);
  registerSelfEvaluationRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerEvaluationRoutes(app, deps);
  registerIntakeRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerBriefingRoutes(app, deps);
  registerWorkOrderSettingsRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerOpen311Routes(app, deps);
  registerOpenDataRoutes(app, deps);
  registerAppointmentRoutes(app, deps);
  registerPublicAppointmentRoutes(app, deps);
  registerDeferralRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  registerOnlineCaseRoutes(app, deps);
  registerExportTaskRoutes(app, deps);
  registerWorkbenchRoutes(app, deps);
  registerResourceRoutes(app, deps);
  registerBatchRoutes(app, deps);
  registerBatchUploadRoutes(app, deps);
  registerDataKeyRoutes(app, deps);
  registerRequestRoutes(app, deps);
  registerExchangeRoutes(app, deps);
  registerStatisticsRoutes(app, deps);
  registerExemptLinkRoutes(app, deps);

  const hasWeb = existsSync(`${WEB_DIST}index.html`);
  const indexHtml = hasWeb ? readFileSync(`${WEB_DIST}index.html`) : null;
  if (hasWeb) {
    // biome-ignore lint/nursery/noMisusedPromises: Fastify awaits async plugins; the rule does not know register's overloads.
    await app.register(async (staticApp) => {
      staticApp.addHook("onRoute", (r) => {
        r.config = { ...r.config, access: { kind: "public" } };
      });
      await staticApp.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const isApi = req.url.startsWith("/api/") || req.url.startsWith("/open311/") || req.url === "/healthz";
    if (!isApi && indexHtml && (req.method === "GET" || req.method === "HEAD")) {
      // Client-side routes of the single-page app.
      return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(indexHtml);
    }
    return sendError(reply, 404, String(req.id), "not_found", "接口不存在");
  });
  await app.ready();
  return { app, routes };
}
