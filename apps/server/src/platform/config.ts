import { resolve } from "node:path";
import { z } from "zod";

// The only file that reads process.env (house style §4).
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL must start with postgres://" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  ZHENGWU_DATA_DIR: z.string().default(".zhengwu/data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  SESSION_TTL_HOURS: z.coerce.number().min(0.1).max(720).default(8),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().min(1).max(1440).default(15),
  LOGIN_IP_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(30),
  COOKIE_SECURE: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  ZHENGWU_SOFFICE: z.string().min(1).default("soffice"),
  ZHENGWU_DEMO_YEAR: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
  // Test runs only (NODE_ENV=test): the server's clock starts at this instant and runs on, so
  // browser tests can book and check in on a working day whatever day they run.
  ZHENGWU_TEST_NOW: z.iso.datetime({ offset: true }).optional(),
  // Test runs only: every periodic job ticks this often, so a test sees several ticks in seconds.
  ZHENGWU_JOB_EVERY_SECONDS: z.coerce.number().int().min(1).max(3600).optional(),
  ZHENGWU_DEMO: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
});

export type Config = {
  env: "development" | "production" | "test";
  http: { port: number; host: string; cookieSecure: boolean };
  db: { url: string | undefined; dataDir: string };
  logLevel: string;
  auth: { sessionTtlMs: number; maxFailures: number; lockMs: number; ipLimitPerMinute: number };
  demo: boolean;
  /** With `demo`: also generate the 2021–2022 year of operations in the background. */
  demoYear: boolean;
  /** LibreOffice binary for PDF output; PDF answers "unavailable" when it cannot be run. */
  soffice: string;
  testNow: Date | undefined;
  /** Test runs only: one interval for every periodic job instead of each job's own. */
  jobEveryMs: number | undefined;
};

/** Parses the environment once; exits with every problem listed when it is invalid. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  if (e.ZHENGWU_TEST_NOW && e.NODE_ENV !== "test") {
    throw new Error("Invalid configuration:\n  ZHENGWU_TEST_NOW: only allowed with NODE_ENV=test");
  }
  if (e.ZHENGWU_JOB_EVERY_SECONDS && e.NODE_ENV !== "test") {
    throw new Error("Invalid configuration:\n  ZHENGWU_JOB_EVERY_SECONDS: only allowed with NODE_ENV=test");
  }
  return {
    env: e.NODE_ENV,
    http: { port: e.PORT, host: e.HOST, cookieSecure: e.COOKIE_SECURE },
    db: { url: e.DATABASE_URL, dataDir: resolve(e.ZHENGWU_DATA_DIR) },
    logLevel: e.LOG_LEVEL,
    auth: {
      sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMs: e.LOGIN_LOCK_MINUTES * 60_000,
      ipLimitPerMinute: e.LOGIN_IP_LIMIT_PER_MINUTE,
    },
    demo: e.ZHENGWU_DEMO,
    demoYear: e.ZHENGWU_DEMO_YEAR,
    soffice: e.ZHENGWU_SOFFICE,
    testNow: e.ZHENGWU_TEST_NOW ? new Date(e.ZHENGWU_TEST_NOW) : undefined,
    jobEveryMs: e.ZHENGWU_JOB_EVERY_SECONDS ? e.ZHENGWU_JOB_EVERY_SECONDS * 1000 : undefined,
  };
}
