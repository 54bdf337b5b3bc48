import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../../platform/db/client.ts";
import { AppError, type FieldIssue } from "../../platform/errors.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { findAllTenants, findTenantByCode } from "../tenants/tenants.repo.ts";
import { ACTIONS } from "./ckan-actions.ts";
import { CkanError, failure, notFound, success } from "./ckan-envelope.ts";
import type { Params } from "./ckan-params.ts";
import { dcatGraph } from "./dcat.ts";
import { loadOpenDatasets } from "./open-catalog.repo.ts";
import type { OpenSite } from "./open-dataset.ts";
import { openDownload } from "./open-downloads.ts";
import { toJsonLd, toTurtle } from "./rdf-graph.ts";

/** The CKAN version whose Action API (v3) these routes follow, reported by status_show. */
const CKAN_VERSION = "2.10.0";
const open = { access: { kind: "public" } } as const;

type Where = { db: Db; req: FastifyRequest; tenantCode: string | undefined; bound: boolean };

/** The district asked about: the URL's tenant, else `?tenant=`, else the only one there is. */
async function siteOf({ db, req, tenantCode, bound }: Where): Promise<{ site: OpenSite; tenantId: string }> {
  const tenant = tenantCode ? await findTenantByCode(db, tenantCode) : await onlyTenant(db);
  if (!tenant) {
    throw notFound();
  }
  const baseUrl = `${req.protocol}://${req.host}`;
  return {
    tenantId: tenant.id,
    site: {
      baseUrl,
      apiBase: bound ? `${baseUrl}/open-data/${tenant.code}` : baseUrl,
      tenantCode: tenant.code,
      title: `${tenant.name}公共数据开放目录`,
      publisher: `${tenant.fullName}政务服务数据管理局`,
      contactEmail: null,
      // The default licence of the open catalog: attribution only, as open government portals use.
      licence: {
        id: "cc-by-4.0",
        title: "知识共享署名 4.0 国际许可协议（CC BY 4.0）",
        url: "https://creativecommons.org/licenses/by/4.0/",
      },
    },
  };
}

async function onlyTenant(db: Db) {
  const all = await findAllTenants(db);
  return all.length === 1 ? all[0] : undefined;
}

function paramsOf(req: FastifyRequest): Params {
  const source = req.method === "POST" ? req.body : req.query;
  const p = source && typeof source === "object" && !Array.isArray(source) ? { ...(source as Params) } : {};
  delete p.tenant;
  return p;
}

const actionOf = (req: FastifyRequest) => String((req.params as { action?: string }).action ?? "");
const tenantParam = (req: FastifyRequest) =>
  (req.params as { tenant?: string }).tenant ?? (req.query as { tenant?: string } | undefined)?.tenant;

/**
 * Errors raised before the action runs (the server's own input checks, e.g. a NUL in a parameter,
 * or an unknown district) answered in CKAN's dictionaries too, never as a 500.
 */
function asCkanError(err: unknown): CkanError | undefined {
  if (err instanceof CkanError) {
    return err;
  }
  if (err instanceof AppError) {
    if (err.code === "not_found") {
      return notFound();
    }
    if (err.code === "validation") {
      const issues = Array.isArray(err.details) ? (err.details as FieldIssue[]) : [];
      const fields: Record<string, string[]> = {};
      for (const i of issues) {
        const key = i.path.replace(/^(query|body)\./, "") || "__input";
        fields[key] = [...(fields[key] ?? []), i.message];
      }
      return new CkanError("Validation Error", err.message, issues.length > 0 ? fields : { __input: [err.message] });
    }
    return new CkanError("Bad Request", `Bad request - ${err.message}`);
  }
  return undefined;
}

function send(reply: FastifyReply, status: number, body: unknown) {
  return reply.status(status).type("application/json; charset=utf-8").send(JSON.stringify(body));
}

/**
 * CKAN's Action API (v3) over the open catalog, at `/api/3/action/…` (the only district, or
 * `?tenant=`) and `/open-data/<district code>/api/3/action/…` (a base URL a CKAN client or harvester
 * is given unchanged). GET takes the query string, POST a JSON object; every answer, errors
 * included, is CKAN's envelope. The DCAT-AP 3 export sits beside it.
 */
export function registerOpenDataRoutes(app: App, deps: RouteDeps): void {
  for (const [prefix, bound] of [
    ["/api/3/action", false],
    ["/open-data/:tenant/api/3/action", true],
  ] as const) {
    void app.register(
      // biome-ignore lint/nursery/noMisusedPromises: Fastify awaits async plugins; the rule does not know register's overloads.
      async (plugin) => {
        plugin.setErrorHandler((err: FastifyError, req, reply) => {
          const action = actionOf(req);
          const base = `${req.protocol}://${req.host}`;
          const known = asCkanError(err);
          if (known) {
            return send(reply, known.status, failure(base, action, known));
          }
          if (err.statusCode && err.statusCode < 500) {
            const e = new CkanError("Bad Request", `Bad request - JSON Error: ${err.message}`);
            return send(reply, 400, failure(base, action, e));
          }
          req.log.error({ err }, "CKAN action failed");
          return send(reply, 500, {
            help: `${base}/api/3/action/help_show?name=${action}`,
            success: false,
            error: { __type: "Internal Server Error", message: `Internal Server Error (request ${req.id})` },
          });
        });
        const handler = async (req: FastifyRequest, reply: FastifyReply) => {
          const action = actionOf(req);
          const { site, tenantId } = await siteOf({ db: deps.database.db, req, tenantCode: tenantParam(req), bound });
          const run = ACTIONS[action];
          if (!run) {
            throw new CkanError("Bad Request", `Bad request - Action name not known: ${action}`);
          }
          const datasets = await loadOpenDatasets(deps.database.db, tenantId);
          const result = run({ site, datasets, ckanVersion: CKAN_VERSION }, paramsOf(req));
          return send(reply, 200, success(site.apiBase, action, result));
        };
        plugin.get("/:action", {
          config: open,
          schema: { tags: ["open-data"], summary: "CKAN Action API（只读）" },
          handler,
        });
        plugin.post("/:action", {
          config: open,
          schema: { tags: ["open-data"], summary: "CKAN Action API（只读，JSON 参数）" },
          handler,
        });
      },
      { prefix },
    );
  }

  for (const ext of ["csv", "xlsx", "json"] as const) {
    app.get(`/api/public/data/:tenant/resources/:code/download.${ext}`, {
      config: open,
      schema: { tags: ["public"], summary: `下载开放数据（${ext.toUpperCase()}，不含个人信息字段）` },
      handler: async (req, reply) => {
        const { tenant, code } = req.params as { tenant: string; code: string };
        const file = await openDownload(deps.database.db, tenant, code, ext);
        return reply
          .type(file.type)
          .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
          .send(file.body);
      },
    });
  }

  for (const [ext, type] of [
    ["jsonld", "application/ld+json"],
    ["ttl", "text/turtle"],
  ] as const) {
    app.get(`/open-data/:tenant/catalog.${ext}`, {
      config: open,
      schema: { tags: ["open-data"], summary: `开放数据目录 DCAT-AP 3（${ext === "ttl" ? "Turtle" : "JSON-LD"}）` },
      handler: async (req, reply) => {
        const { site, tenantId } = await siteOf({
          db: deps.database.db,
          req,
          tenantCode: tenantParam(req),
          bound: true,
        }).catch(() => {
          throw new AppError("not_found", "未找到该行政区划的开放数据目录");
        });
        const graph = dcatGraph(site, await loadOpenDatasets(deps.database.db, tenantId));
        const body = ext === "ttl" ? toTurtle(graph) : JSON.stringify(toJsonLd(graph), null, 1);
        return reply.type(`${type}; charset=utf-8`).send(body);
      },
    });
  }
}
