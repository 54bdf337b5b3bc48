import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { Me } from "../../../../../packages/contracts/src/auth.ts";
import { isApiError, setCsrfToken, setUnauthenticatedHandler } from "../../api/client.ts";
import { authApi } from "./auth-api.ts";
import { mayBeSignedIn, rememberSignedIn } from "./session-hint.ts";

export type SessionState =
  | { status: "loading" }
  /** `loggedOut`: left on purpose, so the next sign-in should not return to the old page. */
  | { status: "anonymous"; loggedOut: boolean }
  | { status: "error"; message: string }
  | { status: "authenticated"; me: Me };

type SessionValue = {
  state: SessionState;
  /** Adopts a Me answer (login, refresh) including its CSRF token. */
  signIn: (me: Me) => void;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
};

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  // A browser that never signed in is anonymous at once: no request that can only answer 401.
  const [state, setState] = useState<SessionState>(() =>
    mayBeSignedIn() ? { status: "loading" } : { status: "anonymous", loggedOut: false },
  );

  const signIn = useCallback((me: Me) => {
    setCsrfToken(me.csrfToken);
    rememberSignedIn(true);
    setState({ status: "authenticated", me });
  }, []);

  const signOutLocally = useCallback(
    (loggedOut = false) => {
      setCsrfToken(null);
      // The next person to sign in on this browser must not see this one's cached lists.
      queryClient.clear();
      rememberSignedIn(false);
      setState({ status: "anonymous", loggedOut });
    },
    [queryClient],
  );

  const refresh = useCallback(async () => {
    try {
      signIn(await authApi.me());
    } catch (err) {
      if (isApiError(err) && err.status === 401) {
        signOutLocally();
      } else {
        setState({ status: "error", message: isApiError(err) ? err.message : "无法连接服务器" });
      }
    }
  }, [signIn, signOutLocally]);

  const logout = useCallback(async () => {
    // Forget the session locally even if the server call failed.
    await authApi.logout().catch(() => undefined);
    signOutLocally(true);
  }, [signOutLocally]);

  useEffect(() => {
    setUnauthenticatedHandler(() => signOutLocally(false));
    if (mayBeSignedIn()) {
      void refresh();
    }
    return () => setUnauthenticatedHandler(null);
  }, [refresh, signOutLocally]);

  const value = useMemo(() => ({ state, signIn, refresh, logout }), [state, signIn, refresh, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const ctx = useContext(SessionContext);
  if (!ctx) {
    throw new Error("useSession must be used inside <SessionProvider>");
  }
  return ctx;
}

/** The signed-in user; only for components rendered behind the auth guard. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== "authenticated") {
    throw new Error("useMe used outside an authenticated route");
  }
  return state.me;
}
