import { describe, expect, it } from "vitest";
import { buildTestApp } from "../../test/test-app.ts";
import { openTestDatabase } from "../../test/test-db.ts";

describe("GET /healthz", () => {
  it("is 200 while the database answers and 503 once it does not", async () => {
    const database = await openTestDatabase();
    const { app } = await buildTestApp(database);
    const ok = await app.inject({ url: "/healthz" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ status: "ok" });
    await database.close();
    const down = await app.inject({ url: "/healthz" });
    expect(down.statusCode).toBe(503);
    expect(down.json().error.code).toBe("unavailable");
    await app.close();
  });

  it("serves the OpenAPI description generated from the zod schemas", async () => {
    const database = await openTestDatabase();
    const { app } = await buildTestApp(database);
    const doc = (await app.inject({ url: "/api/docs/json" })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths["/api/users"].post.requestBody.content["application/json"].schema.required).toContain("username");
    await app.close();
    await database.close();
  });

  it("serves a readable API reference page at /api/docs with its own scripts", async () => {
    const database = await openTestDatabase();
    const { app, routes } = await buildTestApp(database);
    const page = await app.inject({ url: "/api/docs" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.body).toContain('id="swagger-ui"');
    // Scripts come from our own origin so a 'self' script policy admits them.
    const scripts = [...page.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src).toMatch(/^\/api\/docs\/static\//);
      expect((await app.inject({ url: src })).statusCode).toBe(200);
    }
    const init = await app.inject({ url: "/api/docs/static/swagger-initializer.js" });
    expect(init.body).toContain("./json");
    expect((await app.inject({ url: "/api/docs/json" })).json().openapi).toMatch(/^3\./);
    for (const r of routes.filter((x) => x.url.startsWith("/api/docs"))) {
      expect(r.access?.kind).toBe("public");
    }
    await app.close();
    await database.close();
  });

  it("answers unknown API paths with the JSON error shape", async () => {
    const database = await openTestDatabase();
    const { app } = await buildTestApp(database);
    const res = await app.inject({ url: "/api/nothing-here" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: "not_found" });
    expect(res.json().error.requestId).toBe(res.headers["x-request-id"]);
    await app.close();
    await database.close();
  });
});
