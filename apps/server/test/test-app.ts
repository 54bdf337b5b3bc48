import { buildApp } from "../src/app.ts";
import { type Clock, systemClock } from "../src/platform/clock.ts";
import { loadConfig } from "../src/platform/config.ts";
import type { Database } from "../src/platform/db/client.ts";

/** The real HTTP app on a test database, driven in-process with `app.inject`. */
export async function buildTestApp(database: Database, clock: Clock = systemClock, env: Record<string, string> = {}) {
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...env });
  return buildApp({ database, config, clock, logger: false });
}

export function authHeaders(user: { cookie: string; csrf: string }): Record<string, string> {
  return { cookie: user.cookie, "x-csrf-token": user.csrf };
}
