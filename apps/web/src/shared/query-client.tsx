import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { isApiError } from "../api/client.ts";
import { useApiErrorHandler } from "./errors.ts";

declare module "@tanstack/react-query" {
  interface Register {
    /** `silent`: the page shows this failure itself (e.g. a 404 as a result page), so no toast. */
    queryMeta: { silent?: boolean };
  }
}

/** A failed read is shown once; 4xx answers will not change on a retry, a dropped connection may. */
function shouldRetry(failures: number, err: unknown): boolean {
  return failures < 1 && isApiError(err) && err.status === 0;
}

/** Builds the client; exported so component tests get the same defaults. */
export function createQueryClient(onError: (err: unknown) => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (err, query) => {
        if (!query.meta?.silent) {
          onError(err);
        }
      },
    }),
    // Mutations report their own failures: a form puts field issues on its fields.
    mutationCache: new MutationCache(),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // Lists change by other users' work; a short freshness keeps tab switches instant but not stale.
        staleTime: 15_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/** Server state for the whole app; failed reads surface as the app's usual error toast. */
export function QueryProvider({ children }: { children: ReactNode }) {
  const handleError = useApiErrorHandler();
  const handlerRef = useRef(handleError);
  useEffect(() => {
    handlerRef.current = handleError;
  });
  const [client] = useState(() => createQueryClient((err) => handlerRef.current(err)));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
