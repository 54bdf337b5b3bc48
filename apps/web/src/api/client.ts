import type { ZodType } from "zod";
import { ApiErrorSchema } from "../../../../packages/contracts/src/common.ts";

/** One field problem from a `validation` error; `path` is dotted, e.g. "name" or "roles.0". */
export type FieldIssue = { path: string; message: string };

/** Every failed call rejects with this, carrying the server's Chinese, user-facing message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | null;
  /** From a 429's Retry-After header (seconds), when the server sent one. */
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    details?: unknown,
    requestId?: string | null,
    retryAfterSeconds?: number | null,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId ?? null;
    this.retryAfterSeconds = retryAfterSeconds ?? null;
  }

  /** Field issues (validation errors, and conflicts such as a taken username), else an empty list. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) {
      return [];
    }
    const issues: FieldIssue[] = [];
    for (const d of this.details) {
      if (typeof d === "object" && d !== null && "path" in d && "message" in d) {
        const { path, message } = d;
        if (typeof path === "string" && typeof message === "string") {
          issues.push({ path, message });
        }
      }
    }
    return issues;
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

export function isAbortError(err: unknown): boolean {
  return err instanceof DOMException && err.name === "AbortError";
}

// The CSRF token lives only in memory: it comes from /api/auth/me or the login answer.
let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called whenever the server says the session is gone (401 unauthenticated). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
export type Query = Record<string, string | number | boolean | null | undefined>;

type RequestOptions<T> = {
  method?: Method;
  query?: Query;
  body?: unknown;
  schema: ZodType<T>;
  signal?: AbortSignal;
};

function buildUrl(path: string, query?: Query): string {
  if (!query) {
    return path;
  }
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    // Empty filters are left out so the server applies its defaults.
    if (v !== undefined && v !== null && v !== "") {
      params.set(k, String(v));
    }
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Retry-After in seconds (the server sends seconds, never a date); null when absent or unreadable. */
export function parseRetryAfter(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) {
    return null;
  }
  return Number(value.trim());
}

function toApiError(status: number, json: unknown, retryAfter: string | null = null): ApiError {
  const parsed = ApiErrorSchema.safeParse(json);
  if (parsed.success) {
    const e = parsed.data.error;
    return new ApiError(status, e.code, e.message, e.details, e.requestId, parseRetryAfter(retryAfter));
  }
  const message = status >= 500 ? `服务暂时不可用（HTTP ${status}），请稍后重试` : `请求失败（HTTP ${status}）`;
  return new ApiError(status, "http_error", message);
}

async function send(url: string, method: Method, body: unknown, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  // Only with a body: the server rejects an empty body declared as JSON.
  if (body !== undefined) {
    headers["content-type"] = "application/json";
  }
  if (method !== "GET" && csrfToken) {
    headers["x-csrf-token"] = csrfToken;
  }
  try {
    return await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      signal,
    });
  } catch (err) {
    if (isAbortError(err)) {
      throw err;
    }
    throw new ApiError(0, "network", "网络连接失败，请检查网络后重试");
  }
}

async function refreshCsrfToken(): Promise<boolean> {
  const res = await send("/api/auth/me", "GET", undefined);
  const json = await readJson(res);
  if (res.ok && typeof json === "object" && json !== null && "csrfToken" in json) {
    const token = json.csrfToken;
    if (typeof token === "string") {
      csrfToken = token;
      return true;
    }
  }
  return false;
}

/** Calls the API and validates the answer against its contract schema. */
export async function request<T>(path: string, opts: RequestOptions<T>): Promise<T> {
  const method = opts.method ?? "GET";
  const url = buildUrl(path, opts.query);
  let res = await send(url, method, opts.body, opts.signal);
  let json = await readJson(res);
  let error = res.ok ? null : toApiError(res.status, json, res.headers.get("retry-after"));
  // A stale token (e.g. after signing in again in another tab): fetch a fresh one and retry once.
  if (error?.code === "csrf_failed" && (await refreshCsrfToken())) {
    res = await send(url, method, opts.body, opts.signal);
    json = await readJson(res);
    error = res.ok ? null : toApiError(res.status, json, res.headers.get("retry-after"));
  }
  if (error) {
    if (error.status === 401 && error.code === "unauthenticated") {
      onUnauthenticated?.();
    }
    throw error;
  }
  const parsed = opts.schema.safeParse(json);
  if (!parsed.success) {
    console.error(`Unexpected response from ${method} ${path}`, parsed.error.issues);
    throw new ApiError(res.status, "bad_response", "服务器返回的数据格式不正确");
  }
  return parsed.data;
}

export const api = {
  get: <T>(path: string, schema: ZodType<T>, query?: Query, signal?: AbortSignal) =>
    request(path, { method: "GET", schema, query, signal }),
  post: <T>(path: string, schema: ZodType<T>, body?: unknown) => request(path, { method: "POST", schema, body }),
  patch: <T>(path: string, schema: ZodType<T>, body: unknown) => request(path, { method: "PATCH", schema, body }),
  put: <T>(path: string, schema: ZodType<T>, body: unknown) => request(path, { method: "PUT", schema, body }),
  delete: <T>(path: string, schema: ZodType<T>) => request(path, { method: "DELETE", schema }),
};

/** Sends a file as the raw request body (the server reads it by content type) and validates the answer. */
export async function uploadFile<T>(
  path: string,
  file: Blob,
  contentType: string,
  schema: ZodType<T>,
  query?: Query,
): Promise<T> {
  if (!csrfToken) {
    await refreshCsrfToken();
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), {
      method: "POST",
      headers: { accept: "application/json", "content-type": contentType, "x-csrf-token": csrfToken ?? "" },
      body: file,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network", "网络连接失败，请检查网络后重试");
  }
  const json = await readJson(res);
  if (!res.ok) {
    throw toApiError(res.status, json);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(res.status, "bad_response", "服务器返回的数据格式不正确");
  }
  return parsed.data;
}
