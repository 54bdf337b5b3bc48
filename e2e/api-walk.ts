import { z } from "zod";
import { DEMO_PASSWORD } from "./steps.ts";

const OpenApi = z.object({
  paths: z.record(
    z.string(),
    z.record(
      z.string(),
      z.object({
        parameters: z
          .array(z.object({ name: z.string(), in: z.string(), required: z.boolean().optional() }))
          .optional(),
      }),
    ),
  ),
});

const NO_ID = "00000000-0000-4000-8000-000000000000";

/** Values for the query parameters a list needs: the demo year, the demo tenant. */
const SAMPLE: Record<string, string> = {
  from: "2022-01-01T00:00:00+08:00",
  to: "2023-01-01T00:00:00+08:00",
  year: "2022",
  tenant: "440114",
  jurisdiction_id: "440114",
  q: "登记",
  day: "2022-06-01",
  asOf: "2022-12-31",
};

/**
 * Samples of one route family: the dashboard's analyses take calendar days (a week of the 涉整改
 * campaign), not instants; the exchange counters a grouping.
 */
const PATH_SAMPLES: Array<[RegExp, Record<string, string>]> = [
  [/^\/api\/dashboard\//, { from: "2022-03-14", to: "2022-03-20", week: "2022-03-16" }],
  [/^\/api\/data\/exchange-log\/counters$/, { by: "month" }],
];
const sampleFor = (path: string, name: string) =>
  PATH_SAMPLES.find(([re]) => re.test(path))?.[1][name] ?? SAMPLE[name] ?? "";

/** Routes a signed-in employee never calls: the machine clients' own, answered only to an API key. */
const NOT_FOR_USERS = /^\/api\/machine\//;

/**
 * Queries that name records rather than take a sample value, built per user from what that user can
 * list; a user who can list none gets a made-up id, which the route must refuse (403/404), not fail on.
 */
const RECORD_QUERIES: Record<string, (baseUrl: string, cookie: string) => Promise<string>> = {
  // Two versions of one year's self-evaluation (the same one twice when the year has only one).
  "/api/evaluations/compare": async (baseUrl, cookie) => {
    const res = await fetch(`${baseUrl}/api/evaluations?year=${SAMPLE.year}`, { headers: { cookie } });
    const versions = res.ok ? z.array(z.object({ id: z.string() })).parse(await res.json()) : [];
    const [first, second] = versions;
    return new URLSearchParams({ from: (second ?? first)?.id ?? NO_ID, to: first?.id ?? NO_ID }).toString();
  },
};

/** Every GET route without a path parameter (the lists, statistics and settings), with its query. */
export async function listRoutes(baseUrl: string): Promise<string[]> {
  const res = await fetch(`${baseUrl}/api/docs/json`).then((r) => (r.ok ? r : fetch(`${baseUrl}/api/docs`)));
  const doc = OpenApi.parse(await res.json());
  return Object.entries(doc.paths).flatMap(([path, ops]) => {
    const get = ops.get;
    if (
      !get ||
      path.includes("{") ||
      !path.startsWith("/api/") ||
      NOT_FOR_USERS.test(path) ||
      /export|\.xlsx|\.docx|events/.test(path)
    ) {
      return [];
    }
    if (path in RECORD_QUERIES) {
      return [path];
    }
    const required = (get.parameters ?? []).filter((p) => p.in === "query" && p.required).map((p) => p.name);
    const qs = new URLSearchParams(required.map((n) => [n, sampleFor(path, n)]));
    return [required.length > 0 ? `${path}?${qs}` : path];
  });
}

export async function apiSignIn(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) {
    throw new Error(`${username} could not sign in: ${res.status}`);
  }
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/**
 * Calls every list route as the user. A route the role may not use answers 403/404; every other
 * answer must be 200 (the server checks each response against its schema before sending it, so a
 * row that breaks the schema shows here as a 500).
 */
export async function walkApi(baseUrl: string, cookie: string, routes: readonly string[]) {
  const problems: string[] = [];
  let ok = 0;
  for (const listed of routes) {
    const records = RECORD_QUERIES[listed];
    const route = records ? `${listed}?${await records(baseUrl, cookie)}` : listed;
    const res = await fetch(`${baseUrl}${route}`, { headers: { cookie } });
    if (res.status === 200) {
      ok++;
    } else if (res.status !== 403 && res.status !== 404) {
      problems.push(`${route}: HTTP ${res.status} ${(await res.text()).slice(0, 160)}`);
    }
  }
  return { ok, problems };
}
