import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { JobRunListSchema } from "../../../../../packages/contracts/src/jobs.ts";
import { buildUser } from "../../../test/factories/user.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { authHeaders } from "../../../test/test-app.ts";
import { jobRunLog } from "./jobs.service.ts";

const h = setUpHarness();

describe("GET /api/jobs/runs", () => {
  it("lists runs newest first, paged and filtered, to an admin granted on the tenant root", async () => {
    const log = jobRunLog(h.database.db);
    const host = `test-${randomUUID()}`;
    const base = Date.UTC(2030, 0, 1, 2, 0);
    const ok = await log.started({
      job: "escalation",
      queueJobId: randomUUID(),
      slot: new Date(base),
      attempt: 1,
      host,
      startedAt: new Date(base),
    });
    await log.finished(ok, {
      state: "completed",
      finishedAt: new Date(base + 1500),
      rows: 3,
      summary: { checked: 9, raised: 3 },
    });
    const bad = await log.started({
      job: "escalation",
      queueJobId: randomUUID(),
      slot: new Date(base + 300_000),
      attempt: 1,
      host,
      startedAt: new Date(base + 300_000),
    });
    await log.finished(bad, { state: "failed", finishedAt: new Date(base + 301_000), error: "x".repeat(2000) });
    const admin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["admin"]);
    const res = await h.built.app.inject({
      method: "GET",
      url: "/api/jobs/runs?job=escalation&pageSize=200",
      headers: authHeaders(admin),
    });
    expect(res.statusCode).toBe(200);
    const list = JobRunListSchema.parse(res.json());
    const mine = list.items.filter((r) => r.host === host);
    expect(mine.map((r) => r.state)).toEqual(["failed", "completed"]);
    expect(mine[0]?.error?.length).toBe(500);
    expect(mine[1]).toMatchObject({
      job: "escalation",
      slot: "2030-01-01T02:00:00.000Z",
      finishedAt: "2030-01-01T02:00:01.500Z",
      rowsAffected: 3,
      summary: { checked: 9, raised: 3 },
    });
    expect(list.total).toBeGreaterThanOrEqual(2);
    const failed = JobRunListSchema.parse(
      (
        await h.built.app.inject({
          method: "GET",
          url: "/api/jobs/runs?state=failed&pageSize=1",
          headers: authHeaders(admin),
        })
      ).json(),
    );
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0]?.state).toBe("failed");
  });

  it("refuses an admin below the root, other roles and unknown filters", async () => {
    const deptAdmin = await buildUser(h.database.db, h.tenant.id, h.tenant.units.a.id, ["admin"]);
    const leader = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["leader"]);
    const root = await buildUser(h.database.db, h.tenant.id, h.tenant.units.root.id, ["admin"]);
    const get = (headers: Record<string, string>, url = "/api/jobs/runs") =>
      h.built.app.inject({ method: "GET", url, headers });
    const dept = await get(authHeaders(deptAdmin));
    expect(dept.statusCode).toBe(403);
    expect(dept.json().error.message).toContain("系统管理员");
    expect((await get(authHeaders(leader))).statusCode).toBe(403);
    expect((await get({})).statusCode).toBe(401);
    const badFilter = await get(authHeaders(root), "/api/jobs/runs?job=nope");
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.json().error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "querystring.job" })]),
    );
  });
});
