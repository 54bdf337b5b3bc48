import { useQuery } from "@tanstack/react-query";
import { budgetApi, budgetKeys } from "./budget-api.ts";

/**
 * The budget years there are and the one the page shows: `asked` (from the URL) when given,
 * else the latest; undefined while none exists.
 */
export function useBudgetYears(asked: number | null) {
  const query = useQuery({ queryKey: budgetKeys.years(), queryFn: ({ signal }) => budgetApi.years(signal) });
  const list = query.data?.map((y) => y.year) ?? [];
  const year = asked || (list.length ? Math.max(...list) : undefined);
  return { query, list, year };
}
