import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/test-app.ts";
import { openTestDatabase } from "../../test/test-db.ts";
import { WEB_DIST } from "../app.ts";
import type { Database } from "../platform/db/client.ts";

// A stand-in web build when none exists, so the static route is registered and probed for real.
const madeDist = !existsSync(`${WEB_DIST}index.html`);
let database: Database;
let built: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  if (madeDist) {
    mkdirSync(`${WEB_DIST}assets`, { recursive: true });
    writeFileSync(`${WEB_DIST}index.html`, "<!doctype html><title>t</title>");
    writeFileSync(`${WEB_DIST}assets/app.js`, "console.log(1)");
  }
  database = await openTestDatabase();
  built = await buildTestApp(database);
});
afterAll(async () => {
  await built.app.close();
  await database.close();
  if (madeDist) {
    rmSync(WEB_DIST, { recursive: true, force: true });
  }
});

function expectSecurityHeaders(headers: Record<string, unknown>): void {
  const csp = String(headers["content-security-policy"]);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("style-src 'self' 'unsafe-inline'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("upgrade-insecure-requests");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
}

describe("security headers on every response", () => {
  it("an API answer, an error, a static asset, the SPA fallback and an unknown API path", async () => {
    const responses = await Promise.all([
      built.app.inject({ url: "/healthz" }),
      built.app.inject({ url: "/api/auth/me" }),
      built.app.inject({ method: "POST", url: "/api/auth/login", payload: { username: 1 } }),
      built.app.inject({ url: "/assets/app.js" }),
      built.app.inject({ url: "/work-orders" }),
      built.app.inject({ url: "/api/no-such-route" }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 401, 400, 200, 200, 404]);
    for (const r of responses) {
      expectSecurityHeaders(r.headers);
    }
  });

  it("the sign-in rate limit answers 429 in the usual error shape", async () => {
    const limited = await buildTestApp(database, undefined, { LOGIN_IP_LIMIT_PER_MINUTE: "1" });
    const go = () =>
      limited.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "nobody-x", password: "whatever-1" },
        remoteAddress: "10.8.8.8",
      });
    expect((await go()).statusCode).toBe(401);
    const over = await go();
    expect(over.statusCode).toBe(429);
    expect(over.json().error.code).toBe("rate_limited");
    expect(typeof over.json().error.requestId).toBe("string");
    expectSecurityHeaders(over.headers);
    await limited.app.close();
  });
});
