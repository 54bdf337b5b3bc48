import { ReloadOutlined } from "@ant-design/icons";
import { keepPreviousData, type QueryKey, type UseQueryResult, useQuery } from "@tanstack/react-query";
import { Button, Result, Table, type TableProps } from "antd";
import { useSearchParams } from "react-router-dom";
import { compactParams, positiveInt } from "./url-params.ts";

/** What every paged list endpoint answers. */
export type Paged<T> = { items: T[]; total: number };
export type Paging = { page: number; pageSize: number };
type UrlValues = Record<string, string | number | null | undefined>;

type Spec<T, Q> = {
  /** The list's filters as read from the URL (without paging); with the paging they make the query. */
  filters: Q;
  queryKey: (query: Q & Paging) => QueryKey;
  load: (query: Q & Paging, signal: AbortSignal) => Promise<Paged<T>>;
  defaultPageSize?: number;
};

export type PagedList<T> = Paging & {
  query: UseQueryResult<Paged<T>>;
  /** Writes new filters to the URL and goes back to page 1; the page size stays. */
  setFilters: (values: UrlValues) => void;
  setPage: (page: number, pageSize: number) => void;
  refresh: () => void;
};

/**
 * A server-paged list whose page, page size and filters live in the URL (so the back button, a
 * reload or a shared link shows the same rows); the previous page stays on screen while the next loads.
 */
export function usePagedList<T, Q>({ filters, queryKey, load, defaultPageSize = 20 }: Spec<T, Q>): PagedList<T> {
  const [params, setParams] = useSearchParams();
  const page = positiveInt(params.get("page"), 1);
  const pageSize = positiveInt(params.get("pageSize"), defaultPageSize);
  const full = { ...filters, page, pageSize };
  const query = useQuery({
    queryKey: queryKey(full),
    queryFn: ({ signal }) => load(full, signal),
    placeholderData: keepPreviousData,
  });
  return {
    page,
    pageSize,
    query,
    setFilters: (values) =>
      setParams(compactParams({ ...values, pageSize: pageSize === defaultPageSize ? undefined : pageSize })),
    setPage: (p, size) => {
      const next = new URLSearchParams(params);
      // Another page size starts again at the first page.
      const target = size === pageSize ? p : 1;
      next.set("page", String(target));
      next.set("pageSize", String(size));
      if (target === 1) {
        next.delete("page");
      }
      setParams(next);
    },
    refresh: () => void query.refetch(),
  };
}

/** The list's refresh button (the icon the paged lists share). */
export function RefreshButton({ list }: { list: Pick<PagedList<unknown>, "refresh"> }) {
  return <Button icon={<ReloadOutlined />} onClick={list.refresh} aria-label="刷新" />;
}

type TableRest<T> = Omit<TableProps<T>, "dataSource" | "loading" | "pagination" | "onChange">;

/** The antd table over a paged list: server paging, 共 N 条, and a retry when the page failed to load. */
export function PagedTable<T extends object>({
  list,
  unit = "条",
  ...rest
}: TableRest<T> & { list: PagedList<T>; unit?: string }) {
  const { query, page, pageSize } = list;
  const failed = query.isError && !query.data;
  return (
    <Table<T>
      {...rest}
      dataSource={query.data?.items ?? []}
      loading={query.isFetching}
      locale={
        failed
          ? {
              emptyText: (
                <Result
                  status="warning"
                  title="列表加载失败"
                  extra={<Button onClick={list.refresh}>重试</Button>}
                  style={{ padding: 16 }}
                />
              ),
            }
          : rest.locale
      }
      pagination={{
        current: page,
        pageSize,
        total: query.data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => `共 ${total} ${unit}`,
        onChange: list.setPage,
      }}
    />
  );
}
