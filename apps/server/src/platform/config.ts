import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
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
  // Finished export files: every process must reach them (a shared volume when several hosts serve).
  ZHENGWU_EXPORT_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  SESSION_TTL_HOURS: z.coerce.number().min(0.1).max(720).default(8),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().min(1).max(1440).default(15),
  LOGIN_IP_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(30),
  // Behind a load balancer: whose X-Forwarded-For to believe (false, true, a hop count, or addresses/CIDRs).
  TRUST_PROXY: z.string().default("false"),
  COOKIE_SECURE: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  ZHENGWU_SOFFICE: z.string().min(1).default("soffice"),
  // The largest data file a provider may upload to fill a resource (tests lower it).
  ZHENGWU_DATA_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(100 * 1024 * 1024),
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
  // Audit anchors (docs/security.md): the signing key lives outside the data directory.
  ZHENGWU_AUDIT_KEY_FILE: z.string().optional(),
  ZHENGWU_AUDIT_PUBLIC_KEY: z.string().optional(),
  ZHENGWU_AUDIT_PUBLIC_KEY_FILE: z.string().optional(),
  ZHENGWU_AUDIT_ANCHOR_FILE: z.string().optional(),
});

export type Config = {
  env: "development" | "production" | "test";
  http: { port: number; host: string; cookieSecure: boolean; trustProxy: TrustProxy };
  db: { url: string | undefined; dataDir: string };
  /** Where export tasks write their files: next to the data folder unless configured. */
  exportDir: string;
  logLevel: string;
  auth: { sessionTtlMs: number; maxFailures: number; lockMs: number; ipLimitPerMinute: number };
  demo: boolean;
  /** With `demo`: also generate the 2021–2022 year of operations in the background. */
  demoYear: boolean;
  /** LibreOffice binary for PDF output; PDF answers "unavailable" when it cannot be run. */
  soffice: string;
  /** The largest data file (CSV/XLSX) accepted to fill a resource; larger is 413. */
  dataUploadMaxBytes: number;
  testNow: Date | undefined;
  audit: {
    /** Ed25519 private key (PKCS#8 PEM) that signs checkpoints; none: no checkpoints. */
    keyFile: string | undefined;
    /** The public key as configured: one-line base64 or PEM text (from the variable or its file). */
    publicKey: string | undefined;
    /** Where checkpoints are appended as JSON lines (also the default for `audit verify --anchors`). */
    anchorFile: string | undefined;
  };
  /** Test runs only: one interval for every periodic job instead of each job's own. */
  jobEveryMs: number | undefined;
};

/**
 * Fastify's `trustProxy`: false (the socket's address is the client's), true (the left-most
 * X-Forwarded-For address), a number of proxy hops, or the proxies' addresses and CIDR ranges.
 */
export type TrustProxy = boolean | number | string[];

/** Parses TRUST_PROXY; undefined when it is none of the accepted forms. */
export function parseTrustProxy(value: string): TrustProxy | undefined {
  const v = value.trim();
  if (v === "" || v === "false") {
    return false;
  }
  if (v === "true") {
    return true;
  }
  if (/^\d+$/.test(v)) {
    return Number(v);
  }
  const list = v.split(",").map((s) => s.trim());
  const valid = list.every((entry) => {
    const [address = "", bits, ...rest] = entry.split("/");
    const family = isIP(address);
    const maxBits = family === 4 ? 32 : 128;
    return family !== 0 && rest.length === 0 && (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits));
  });
  return valid ? list : undefined;
}

/** True when `path` is `dir` or inside it. */
export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

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
  const dataDir = resolve(e.ZHENGWU_DATA_DIR);
  const keyFile = e.ZHENGWU_AUDIT_KEY_FILE ? resolve(e.ZHENGWU_AUDIT_KEY_FILE) : undefined;
  const anchorFile = e.ZHENGWU_AUDIT_ANCHOR_FILE ? resolve(e.ZHENGWU_AUDIT_ANCHOR_FILE) : undefined;
  // A key or anchors kept with the data travel with every copy of it and fall to whoever can write it.
  for (const [name, file] of [
    ["ZHENGWU_AUDIT_KEY_FILE", keyFile],
    ["ZHENGWU_AUDIT_ANCHOR_FILE", anchorFile],
  ] as const) {
    if (file && isInside(file, dataDir)) {
      throw new Error(`Invalid configuration:\n  ${name}: must be outside ZHENGWU_DATA_DIR (${dataDir})`);
    }
  }
  if (e.ZHENGWU_AUDIT_PUBLIC_KEY && e.ZHENGWU_AUDIT_PUBLIC_KEY_FILE) {
    throw new Error(
      "Invalid configuration:\n  ZHENGWU_AUDIT_PUBLIC_KEY: set it or ZHENGWU_AUDIT_PUBLIC_KEY_FILE, not both",
    );
  }
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  if (trustProxy === undefined) {
    throw new Error(
      "Invalid configuration:\n  TRUST_PROXY: false, true, a hop count, or proxy addresses/CIDRs separated by commas",
    );
  }
  if (e.ZHENGWU_JOB_EVERY_SECONDS && e.NODE_ENV !== "test") {
    throw new Error("Invalid configuration:\n  ZHENGWU_JOB_EVERY_SECONDS: only allowed with NODE_ENV=test");
  }
  return {
    env: e.NODE_ENV,
    http: { port: e.PORT, host: e.HOST, cookieSecure: e.COOKIE_SECURE, trustProxy },
    db: { url: e.DATABASE_URL, dataDir },
    exportDir: e.ZHENGWU_EXPORT_DIR ? resolve(e.ZHENGWU_EXPORT_DIR) : join(dirname(dataDir), "exports"),
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
    dataUploadMaxBytes: e.ZHENGWU_DATA_UPLOAD_MAX_BYTES,
    testNow: e.ZHENGWU_TEST_NOW ? new Date(e.ZHENGWU_TEST_NOW) : undefined,
    audit: {
      keyFile,
      publicKey:
        e.ZHENGWU_AUDIT_PUBLIC_KEY ??
        readOptionalFile("ZHENGWU_AUDIT_PUBLIC_KEY_FILE", e.ZHENGWU_AUDIT_PUBLIC_KEY_FILE),
      anchorFile,
    },
    jobEveryMs: e.ZHENGWU_JOB_EVERY_SECONDS ? e.ZHENGWU_JOB_EVERY_SECONDS * 1000 : undefined,
  };
}

function readOptionalFile(name: string, file: string | undefined): string | undefined {
  if (!file) {
    return undefined;
  }
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw new Error(`Invalid configuration:\n  ${name}: cannot read ${file}`);
  }
}
