import { describe, expect, it } from "vitest";
import { buildUser, TEST_PASSWORD } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { updateUser } from "../users/users.repo.ts";

// What the web's login page relies on (apps/web/src/features/auth/login-messages.ts, app-layout.tsx).
const h = setUpHarness({ env: { LOGIN_MAX_FAILURES: "2" } });

const signIn = (username: string, password: string, address: string) =>
  h.built.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
    remoteAddress: address,
  });

describe("sign-in answers the web relies on", () => {
  it("a locked-out source gets 429 rate_limited with Retry-After in seconds", async () => {
    const user = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["handler"]);
    const address = "198.18.7.7";
    await signIn(user.username, "wrong-1", address);
    await signIn(user.username, "wrong-2", address);
    const res = await signIn(user.username, TEST_PASSWORD, address);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe("rate_limited");
    const wait = Number(res.headers["retry-after"]);
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
  });

  it("a password to change first: sign-in says so, other calls answer 403 password_change_required", async () => {
    const user = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["handler"]);
    await updateUser(h.database.db, h.tenant.id, user.id, { mustChangePassword: true });
    const res = await signIn(user.username, TEST_PASSWORD, "198.18.8.8");
    expect(res.statusCode).toBe(200);
    expect(res.json().user.mustChangePassword).toBe(true);
    const cookie = String(res.headers["set-cookie"]).split(";")[0] ?? "";
    const other = await h.built.app.inject({ url: "/api/work-orders", headers: { cookie } });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe("password_change_required");
    const me = await h.built.app.inject({ url: "/api/auth/me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
  });
});
