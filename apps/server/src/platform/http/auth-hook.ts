import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ApiKeyActor, UserActor } from "../actor.ts";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";
import type { Access } from "./access-config.ts";

export const SESSION_COOKIE = "zw_session";
export const CSRF_HEADER = "x-csrf-token";

export type Resolvers = {
  resolveSession(db: Db, token: string, now: Date): Promise<UserActor | null>;
  resolveApiKey(db: Db, secret: string, now: Date): Promise<ApiKeyActor | null>;
};

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function apiKeyFrom(req: FastifyRequest): string | null {
  const header = req.headers["x-api-key"];
  if (typeof header === "string" && header) {
    return header;
  }
  const auth = req.headers.authorization;
  if (auth?.startsWith("Bearer ")) {
    return auth.slice(7).trim();
  }
  // Open311 clients pass api_key as a parameter (GeoReport v2): in the query or the form body.
  for (const source of [req.query, req.body]) {
    if (source && typeof source === "object" && "api_key" in source && typeof source.api_key === "string") {
      return source.api_key;
    }
  }
  return null;
}

/** A user route that also admits keys, called with a key header and no session: a machine client. */
function keyInsteadOfSession(req: FastifyRequest, access: Access): boolean {
  const h = req.headers;
  return (
    access.kind === "user" &&
    access.apiKeyScopes !== undefined &&
    !req.cookies[SESSION_COOKIE] &&
    (typeof h["x-api-key"] === "string" || h.authorization?.startsWith("Bearer ") === true)
  );
}

/**
 * Authenticates and applies the route's access declaration before the body is even parsed
 * (machine clients: right after it is parsed):
 * 401 without a valid session or key, 403 for a role or scope the route does not admit, 403 on a
 * missing CSRF token. Scope of the resource itself (404) is the service's job.
 */
export function installAuthHook(app: FastifyInstance, db: Db, clock: Clock, resolvers: Resolvers): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("ctx", null);
  app.addHook("onRequest", async (req) => {
    const access = req.routeOptions.config.access;
    if (!access) {
      if (req.routeOptions.url === undefined) {
        return; // 404 handler: nothing to protect
      }
      throw new AppError("internal", `路由 ${req.method} ${req.routeOptions.url} 未声明访问策略`);
    }
    if (access.kind === "public") {
      return;
    }
    if (access.kind === "api_key" || keyInsteadOfSession(req, access)) {
      return; // after the body is parsed: see preValidation below
    }
    const now = clock.now();
    const token = req.cookies[SESSION_COOKIE];
    const actor = token ? await resolvers.resolveSession(db, token, now) : null;
    if (!actor) {
      throw new AppError("unauthenticated", "请先登录");
    }
    if (MUTATING.has(req.method) && req.headers[CSRF_HEADER] !== actor.csrfToken) {
      throw new AppError("csrf_failed", "请求缺少有效的 CSRF 令牌，请刷新页面后重试");
    }
    if (actor.mustChangePassword && !access.beforePasswordChange) {
      throw new AppError("password_change_required", "请先修改初始密码（或管理员重置的密码）后再继续操作");
    }
    if (access.roles !== "any" && !actor.grants.some((g) => access.roles.includes(g.role))) {
      throw new AppError("forbidden", "您的角色无权执行此操作");
    }
    req.actor = actor;
  });
  // Machine clients are authenticated once the body is parsed (Open311 sends api_key in a form
  // body), still before validation, so a bad key is 401/403 rather than a field error.
  app.addHook("preValidation", async (req) => {
    const access = req.routeOptions.config.access;
    const scopes =
      access?.kind === "api_key"
        ? access.scopes
        : access?.kind === "user" && keyInsteadOfSession(req, access)
          ? access.apiKeyScopes
          : undefined;
    if (!scopes) {
      return;
    }
    const secret = apiKeyFrom(req);
    const actor = secret ? await resolvers.resolveApiKey(db, secret, clock.now()) : null;
    if (!actor) {
      throw new AppError("unauthenticated", "缺少或无效的接口密钥");
    }
    if (!scopes.some((s) => actor.scopes.includes(s))) {
      throw new AppError("forbidden", "接口密钥无此权限范围");
    }
    req.actor = actor;
  });
}
