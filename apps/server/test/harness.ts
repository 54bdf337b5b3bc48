import { afterAll, beforeAll } from "vitest";
import type { Clock } from "../src/platform/clock.ts";
import type { Database } from "../src/platform/db/client.ts";
import { buildTenant, type TestTenant } from "./factories/tenant.factory.ts";
import { buildTestApp } from "./test-app.ts";
import { openTestDatabase } from "./test-db.ts";

export type Harness = {
  readonly database: Database;
  readonly tenant: TestTenant;
  readonly built: Awaited<ReturnType<typeof buildTestApp>>;
};

/**
 * One test file's world: its own database (or the shared server), its own small tenant and the
 * real HTTP app, opened before the file's tests and closed after them.
 */
export function setUpHarness(opts: { clock?: Clock; env?: Record<string, string> } = {}): Harness {
  let state: Harness | undefined;
  const ready = (): Harness => {
    if (!state) {
      throw new Error("harness used outside a test");
    }
    return state;
  };
  beforeAll(async () => {
    const database = await openTestDatabase();
    const tenant = await buildTenant(database.db);
    const built = await buildTestApp(database, opts.clock, opts.env);
    state = { database, tenant, built };
  });
  afterAll(async () => {
    await state?.built.app.close();
    await state?.database.close();
  });
  return {
    get database() {
      return ready().database;
    },
    get tenant() {
      return ready().tenant;
    },
    get built() {
      return ready().built;
    },
  };
}

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A route table's method string as the injector's method type (it no longer takes any string). */
export function httpMethod(method: string): HttpMethod {
  const found = HTTP_METHODS.find((m) => m === method.toUpperCase());
  if (!found) {
    throw new Error(`not an HTTP method: ${method}`);
  }
  return found;
}
