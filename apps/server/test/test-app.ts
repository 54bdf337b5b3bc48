import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApp } from "../src/app.ts";
import { type Clock, systemClock } from "../src/platform/clock.ts";
import { loadConfig } from "../src/platform/config.ts";
import type { Database } from "../src/platform/db/client.ts";

/** Export files of the test apps: out of the working tree. */
export const TEST_EXPORT_DIR = join(tmpdir(), "zhengwu-test-exports");

/** The real HTTP app on a test database, driven in-process with `app.inject`. */
export async function buildTestApp(database: Database, clock: Clock = systemClock, env: Record<string, string> = {}) {
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ZHENGWU_EXPORT_DIR: TEST_EXPORT_DIR, ...env });
  return buildApp({ database, config, clock, logger: false });
}

export function authHeaders(user: { cookie: string; csrf: string }): Record<string, string> {
  return { cookie: user.cookie, "x-csrf-token": user.csrf };
}
