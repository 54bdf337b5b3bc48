import { ChangePasswordInputSchema, LoginInputSchema, MeSchema } from "../../../../../packages/contracts/src/auth.ts";
import { OkSchema } from "../../../../../packages/contracts/src/common.ts";
import { AppError } from "../../platform/errors.ts";
import type { App, RouteDeps } from "../../platform/http/app-types.ts";
import { SESSION_COOKIE } from "../../platform/http/auth-hook.ts";
import { changePassword, getMe, login, logout } from "./auth.service.ts";

export function registerAuthRoutes(app: App, deps: RouteDeps): void {
  // Expired sessions are swept at each sign-in; the periodic prune job (modules/jobs) covers quiet periods.
  const cookieOptions = {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: deps.config.http.cookieSecure,
  };
  const tokenOf = (cookies: Record<string, string | undefined>): string => {
    const token = cookies[SESSION_COOKIE];
    if (!token) {
      throw new AppError("unauthenticated", "请先登录");
    }
    return token;
  };

  app.post("/api/auth/login", {
    // Attempts per address and minute (successful or not), on top of the failure counts in the database.
    config: { access: { kind: "public" }, rateLimit: { max: deps.config.auth.ipLimitPerMinute, timeWindow: 60_000 } },
    schema: { tags: ["auth"], summary: "登录", body: LoginInputSchema, response: { 200: MeSchema } },
    handler: async (req, reply) => {
      const { token, actor } = await login(
        { db: deps.database.db, clock: deps.clock, auth: deps.config.auth, requestId: String(req.id) },
        req.body,
        req.ip,
      );
      req.actor = actor;
      reply.setCookie(SESSION_COOKIE, token, {
        ...cookieOptions,
        maxAge: Math.floor(deps.config.auth.sessionTtlMs / 1000),
      });
      return getMe(deps.ctx(req));
    },
  });
  app.post("/api/auth/logout", {
    config: { access: { kind: "user", roles: "any", beforePasswordChange: true } },
    schema: { tags: ["auth"], summary: "退出登录", response: { 200: OkSchema } },
    handler: async (req, reply) => {
      await logout(deps.ctx(req), tokenOf(req.cookies));
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    },
  });
  app.get("/api/auth/me", {
    config: { access: { kind: "user", roles: "any", beforePasswordChange: true } },
    schema: { tags: ["auth"], summary: "当前用户、角色与菜单", response: { 200: MeSchema } },
    handler: async (req) => getMe(deps.ctx(req)),
  });
  app.post("/api/auth/password", {
    config: { access: { kind: "user", roles: "any", beforePasswordChange: true } },
    schema: { tags: ["auth"], summary: "修改本人密码", body: ChangePasswordInputSchema, response: { 200: OkSchema } },
    handler: async (req) => {
      await changePassword(deps.ctx(req), req.body, tokenOf(req.cookies));
      return { ok: true as const };
    },
  });
}
