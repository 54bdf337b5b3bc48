import { render } from "@testing-library/react";
import { App, ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router-dom";
import { vi } from "vitest";
import type { Me } from "../../../packages/contracts/src/auth.ts";
import { SessionProvider, useSession } from "../src/features/auth/session.tsx";
import { QueryProvider } from "../src/shared/query-client.tsx";

/** An answer: a JSON body (200), or a status with a body for failures. */
export type Answer = unknown | { status: number; body: unknown };
/** Keyed "GET /api/work-orders"; the handler gets the URL (with its query) and the parsed body. */
export type ApiRoutes = Record<string, (url: URL, body: unknown) => Answer>;

function isStatusAnswer(a: unknown): a is { status: number; body: unknown } {
  return typeof a === "object" && a !== null && "status" in a && "body" in a && typeof a.status === "number";
}

/**
 * Replaces fetch with the given routes (the app's own client, schemas and error handling still run);
 * an unrouted call answers 404 so a test notices it. Returns the calls made ("GET /path?query") with their bodies.
 */
export type ApiCall = { call: string; body: unknown };

export function mockApi(routes: ApiRoutes): ApiCall[] {
  const calls: ApiCall[] = [];
  vi.stubGlobal("fetch", async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input instanceof Request ? input.url : input), "http://localhost");
    const method = init?.method ?? "GET";
    const body: unknown = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    calls.push({ call: `${method} ${url.pathname}${url.search}`, body });
    if (init?.signal?.aborted) {
      throw new DOMException("aborted", "AbortError");
    }
    const handler = routes[`${method} ${url.pathname}`];
    const answer = handler
      ? handler(url, body)
      : { status: 404, body: { error: { code: "not_found", message: "不存在", requestId: "t" } } };
    const [status, json] = isStatusAnswer(answer) ? [answer.status, answer.body] : [200, answer];
    return new Response(JSON.stringify(json), { status, headers: { "content-type": "application/json" } });
  });
  return calls;
}

export const TEST_ME: Me = {
  user: {
    id: "00000000-0000-4000-8000-000000000001",
    username: "dispatcher",
    displayName: "调度员",
    mustChangePassword: false,
  },
  tenant: { code: "440114", name: "花都区" },
  grants: [],
  menu: ["workOrders", "workOrderMetrics"],
  can: { manageOrg: false, manageUsers: false },
  csrfToken: "csrf",
};

/** Shows where the app navigated to, for tests of links and chart clicks. */
function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

function WhenSignedIn({ children }: { children: ReactNode }) {
  const { state } = useSession();
  return state.status === "authenticated" ? children : null;
}

type Options = { path?: string; route?: string; me?: Me | null };

/**
 * Renders a page as the app does (antd zh-CN, App, TanStack Query, router, session) at `path`;
 * with `me`, the session is signed in (answered by GET /api/auth/me, which the routes must include).
 */
export function renderPage(ui: ReactNode, { path = "/", route = "*", me = null }: Options = {}) {
  if (me) {
    window.localStorage.setItem("zhengwu.signedIn", "1");
  } else {
    window.localStorage.removeItem("zhengwu.signedIn");
  }
  const page = me ? <WhenSignedIn>{ui}</WhenSignedIn> : ui;
  return render(
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}>
      <App>
        <QueryProvider>
          <MemoryRouter initialEntries={[path]}>
            <SessionProvider>
              <Routes>
                <Route path={route} element={page} />
              </Routes>
              <LocationProbe />
            </SessionProvider>
          </MemoryRouter>
        </QueryProvider>
      </App>
    </ConfigProvider>,
  );
}
