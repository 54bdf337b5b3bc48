import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, type TestTenant } from "../../../test/factories/tenant.factory.ts";
import { buildUser, TEST_PASSWORD } from "../../../test/factories/user.factory.ts";
import { authHeaders, buildTestApp } from "../../../test/test-app.ts";
import { openTestDatabase } from "../../../test/test-db.ts";
import { fixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/client.ts";
import { updateUser } from "../users/users.repo.ts";
import { sessions } from "./auth.schema.ts";

let database: Database;
let tenant: TestTenant;
let built: Awaited<ReturnType<typeof buildTestApp>>;
let now = new Date("2022-09-30T02:00:00Z");
const clock = { now: () => new Date(now) };

beforeAll(async () => {
  database = await openTestDatabase();
  tenant = await buildTenant(database.db);
  built = await buildTestApp(database, clock, {
    LOGIN_MAX_FAILURES: "3",
    LOGIN_LOCK_MINUTES: "15",
    LOGIN_IP_LIMIT_PER_MINUTE: "1000",
  });
});
afterAll(async () => {
  await built.app.close();
  await database.close();
});

const login = (username: string, password: string, ip = "10.0.0.1") =>
  built.app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password }, remoteAddress: ip });

function sessionCookie(res: Awaited<ReturnType<typeof login>>): string {
  const c = res.cookies.find((x) => x.name === "zw_session");
  expect(c?.httpOnly).toBe(true);
  expect(c?.sameSite).toBe("Lax");
  return `zw_session=${c?.value}`;
}

describe("sign-in", () => {
  it("opens a session with an httpOnly SameSite cookie and returns the CSRF token and menu", async () => {
    const user = await buildUser(database.db, tenant.id, tenant.units.a.id, ["auditor"]);
    const res = await login(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.menu).toEqual([
      "workOrders",
      "workOrderMetrics",
      "ratings",
      "onlineCases",
      "budget",
      "evaluations",
      "reports",
      "hallMetrics",
      "deferrals",
      "catalog",
      "org",
      "users",
      "audit",
      "cockpit",
      "appeals",
    ]);
    const cookie = sessionCookie(res);
    const meAgain = await built.app.inject({ url: "/api/auth/me", headers: { cookie } });
    expect(meAgain.json().user.username).toBe(user.username);
  });

  it("answers the same for an unknown user and a wrong password", async () => {
    const user = await buildUser(database.db, tenant.id, tenant.units.a.id, ["handler"]);
    const a = await login(user.username, "wrong-password-1");
    const b = await login("nobody-here", "wrong-password-1");
    expect([a.statusCode, b.statusCode]).toEqual([401, 401]);
    expect(a.json().error.message).toBe(b.json().error.message);
  });

  it("blocks only the failing source: the owner signs in from another address meanwhile", async () => {
    const user = await buildUser(database.db, tenant.id, tenant.units.a.id, ["handler"]);
    const stranger = "10.1.1.1";
    for (const bad of ["bad-1", "bad-2", "bad-3"]) {
      expect((await login(user.username, bad, stranger)).statusCode).toBe(401);
    }
    const blocked = await login(user.username, TEST_PASSWORD, stranger);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe("rate_limited");
    expect((await login(user.username, TEST_PASSWORD, "10.2.2.2")).statusCode).toBe(200);
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await login(user.username, TEST_PASSWORD, stranger)).statusCode).toBe(200);
  });

  it("answers a known and an unknown name alike, failure after failure", async () => {
    const user = await buildUser(database.db, tenant.id, tenant.units.a.id, ["handler"]);
    const seq = async (name: string, ip: string) => {
      const out: [number, string][] = [];
      for (let i = 0; i < 4; i++) {
        const res = await login(name, `wrong-${i}-pass`, ip);
        out.push([res.statusCode, res.json().error.code]);
      }
      return out;
    };
    const known = await seq(user.username, "10.3.3.3");
    const unknown = await seq(`ghost${Date.now().toString(36)}`, "10.4.4.4");
    expect(known).toEqual(unknown);
    expect(known.map(([s]) => s)).toEqual([401, 401, 401, 429]);
  });

  it("counts failures in the database, so another server process sees the block", async () => {
    const user = await buildUser(database.db, tenant.id, tenant.units.a.id, ["handler"]);
    const second = await buildTestApp(database, clock, { LOGIN_MAX_FAILURES: "3", LOGIN_IP_LIMIT_PER_MINUTE: "1000" });
    const other = (password: string) =>
      second.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: user.username, password },
        remoteAddress: "10.5.5.5",
      });
    expect((await login(user.username, "bad-1", "10.5.5.5")).statusCode).toBe(401);
    expect((await other("bad-2")).statusCode).toBe(401);
    expect((await login(user.username, "bad-3", "10.5.5.5")).statusCode).toBe(401);
    expect((await other(TEST_PASSWORD)).statusCode).toBe(429);
    await second.app.close();
  });

  it("throttles one address that tries too often", async () => {
    const throttled = await buildTestApp(database, clock, { LOGIN_IP_LIMIT_PER_MINUTE: "2" });
    const go = () =>
      throttled.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "x-none", password: "y" },
        remoteAddress: "10.9.9.9",
      });
    expect((await go()).statusCode).toBe(401);
    expect((await go()).statusCode).toBe(401);
    expect((await go()).statusCode).toBe(429);
    await throttled.app.close();
  });

  it("refuses a disabled account", async () => {
    const admin = await buildUser(database.db, tenant.id, tenant.units.root.id, ["admin"]);
    const user = await buildUser(database.db, tenant.id, tenant.units.a.id, ["handler"]);
    await built.app.inject({
      method: "PATCH",
      url: `/api/users/${user.id}`,
      headers: authHeaders(admin),
      payload: { disabled: true },
    });
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(403);
    expect((await built.app.inject({ url: "/api/auth/me", headers: { cookie: user.cookie } })).statusCode).toBe(401);
  });
});

describe("sessions", () => {
  it("ends the session on sign-out", async () => {
    const user = await buildUser(database.db, tenant.id, tenant.units.a.id, ["handler"]);
    const out = await built.app.inject({ method: "POST", url: "/api/auth/logout", headers: authHeaders(user) });
    expect(out.statusCode).toBe(200);
    expect((await built.app.inject({ url: "/api/auth/me", headers: { cookie: user.cookie } })).statusCode).toBe(401);
  });

  it("changes the password, keeps this session and ends the others", async () => {
    const user = await buildUser(database.db, tenant.id, tenant.units.a.id, ["handler"]);
    const other = sessionCookie(await login(user.username, TEST_PASSWORD));
    const wrong = await built.app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: authHeaders(user),
      payload: { currentPassword: "nope-123", newPassword: "Brand-new-123" },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe("currentPassword");
    const weak = await built.app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: authHeaders(user),
      payload: { currentPassword: TEST_PASSWORD, newPassword: "short" },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].path).toBe("newPassword");
    const ok = await built.app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: authHeaders(user),
      payload: { currentPassword: TEST_PASSWORD, newPassword: "Brand-new-123" },
    });
    expect(ok.statusCode).toBe(200);
    expect((await built.app.inject({ url: "/api/auth/me", headers: { cookie: user.cookie } })).statusCode).toBe(200);
    expect((await built.app.inject({ url: "/api/auth/me", headers: { cookie: other } })).statusCode).toBe(401);
    expect((await login(user.username, "Brand-new-123")).statusCode).toBe(200);
  });

  it("expires a session after its lifetime", async () => {
    const user = await buildUser(database.db, tenant.id, tenant.units.a.id, ["handler"]);
    const cookie = sessionCookie(await login(user.username, TEST_PASSWORD));
    now = new Date(now.getTime() + 9 * 3600_000);
    expect((await built.app.inject({ url: "/api/auth/me", headers: { cookie } })).statusCode).toBe(401);
  });
});

describe("password change required", () => {
  it("refuses everything but me, change-password and sign-out until the password is changed", async () => {
    const user = await buildUser(database.db, tenant.id, tenant.units.root.id, ["admin"]);
    await updateUser(database.db, tenant.id, user.id, { mustChangePassword: true });
    const list = await built.app.inject({ url: "/api/users", headers: authHeaders(user) });
    expect(list.statusCode).toBe(403);
    expect(list.json().error.code).toBe("password_change_required");
    const me = await built.app.inject({ url: "/api/auth/me", headers: authHeaders(user) });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.mustChangePassword).toBe(true);
    const changed = await built.app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: authHeaders(user),
      payload: { currentPassword: TEST_PASSWORD, newPassword: "Fresh-pass-321" },
    });
    expect(changed.statusCode).toBe(200);
    expect((await built.app.inject({ url: "/api/users", headers: authHeaders(user) })).statusCode).toBe(200);
  });
});

describe("expired sessions", () => {
  it("are purged at the next sign-in", async () => {
    const user = await buildUser(database.db, tenant.id, tenant.units.a.id, ["handler"]);
    await database.db.insert(sessions).values({
      tokenHash: "expired-token-hash-for-purge-test",
      tenantId: tenant.id,
      userId: user.id,
      csrfToken: "x",
      expiresAt: new Date(now.getTime() - 60_000),
    });
    expect((await login(user.username, TEST_PASSWORD, "10.6.6.6")).statusCode).toBe(200);
    const left = await database.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, "expired-token-hash-for-purge-test"));
    expect(left).toEqual([]);
  });
});

describe("personal data", () => {
  it("masks phone numbers in user responses and audits each unmasked read", async () => {
    const admin = await buildUser(database.db, tenant.id, tenant.units.root.id, ["admin"]);
    const user = await buildUser(database.db, tenant.id, tenant.units.a.id, ["handler"], { phone: "13812345678" });
    const shown = await built.app.inject({ url: `/api/users/${user.id}`, headers: authHeaders(admin) });
    expect(shown.json().phone).toBe("138****5678");
    expect(shown.body).not.toContain("13812345678");
    const contact = await built.app.inject({ url: `/api/users/${user.id}/contact`, headers: authHeaders(admin) });
    expect(contact.json().phone).toBe("13812345678");
    const audit = await built.app.inject({ url: "/api/audit?action=user.contact.read", headers: authHeaders(admin) });
    const entry = audit.json().items.find((e: { entityId: string }) => e.entityId === user.id);
    expect(entry?.actorId).toBe(admin.id);
    expect(JSON.stringify(audit.json())).not.toContain("13812345678");
  });
});

describe("fixed clock helper", () => {
  it("pins time", () => {
    expect(fixedClock("2022-10-08T00:00:00Z").now().toISOString()).toBe("2022-10-08T00:00:00.000Z");
  });
});
