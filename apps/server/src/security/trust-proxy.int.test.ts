import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, type TestTenant } from "../../test/factories/tenant.factory.ts";
import { buildUser, TEST_PASSWORD } from "../../test/factories/user.factory.ts";
import { buildTestApp } from "../../test/test-app.ts";
import { openTestDatabase } from "../../test/test-db.ts";
import { systemClock } from "../platform/clock.ts";
import { loadConfig, parseTrustProxy } from "../platform/config.ts";
import type { Database } from "../platform/db/client.ts";

let database: Database;
let tenant: TestTenant;
let trusting: Awaited<ReturnType<typeof buildTestApp>>;
let plain: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await buildTenant(database.db);
  // Two failures lock a source, so the test stays short.
  trusting = await buildTestApp(database, systemClock, { TRUST_PROXY: "true", LOGIN_MAX_FAILURES: "2" });
  plain = await buildTestApp(database, systemClock, { LOGIN_MAX_FAILURES: "2" });
});
afterAll(async () => {
  await trusting.app.close();
  await plain.app.close();
  await database.close();
});

/** A documentation-range address of its own per call, so that runs on a shared database do not meet. */
const someAddress = () => `198.18.${randomInt(0, 256)}.${randomInt(1, 255)}`;

async function signIn(app: typeof plain.app, username: string, password: string, forwardedFor: string) {
  return app.inject({
    method: "POST",
    url: "/api/auth/login",
    headers: { "x-forwarded-for": forwardedFor },
    payload: { username, password },
  });
}

describe("TRUST_PROXY", () => {
  it("set: the sign-in lock-out counts the X-Forwarded-For address, so it binds to that client", async () => {
    const user = await buildUser(database.db, tenant.id, tenant.units.a.id, ["handler"]);
    const attacker = someAddress();
    const owner = someAddress();
    expect((await signIn(trusting.app, user.username, "wrong-1", attacker)).statusCode).toBe(401);
    expect((await signIn(trusting.app, user.username, "wrong-2", attacker)).statusCode).toBe(401);
    const locked = await signIn(trusting.app, user.username, TEST_PASSWORD, attacker);
    expect(locked.statusCode).toBe(429);
    // The owner behind the same load balancer, from another address, is not locked out.
    expect((await signIn(trusting.app, user.username, TEST_PASSWORD, owner)).statusCode).toBe(200);
  });

  it("unset: X-Forwarded-For is ignored (a client cannot pick its address), the socket's address counts", async () => {
    const user = await buildUser(database.db, tenant.id, tenant.units.a.id, ["handler"]);
    expect((await signIn(plain.app, user.username, "wrong-1", someAddress())).statusCode).toBe(401);
    expect((await signIn(plain.app, user.username, "wrong-2", someAddress())).statusCode).toBe(401);
    // Changing the header does not escape the lock: both failures were counted for the socket's address.
    expect((await signIn(plain.app, user.username, TEST_PASSWORD, someAddress())).statusCode).toBe(429);
  });

  it("accepts false, true, a hop count or addresses and CIDRs, and refuses anything else", () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(parseTrustProxy("true")).toBe(true);
    expect(parseTrustProxy("2")).toBe(2);
    expect(parseTrustProxy("10.0.0.1, 10.1.0.0/16,::1")).toEqual(["10.0.0.1", "10.1.0.0/16", "::1"]);
    expect(parseTrustProxy("loadbalancer")).toBeUndefined();
    expect(parseTrustProxy("10.0.0.0/33")).toBeUndefined();
    expect(() => loadConfig({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
  });
});
