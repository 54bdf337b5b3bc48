import { fireEvent, screen, waitFor } from "@testing-library/react";
import { Button } from "antd";
import { useSearchParams } from "react-router-dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { mockApi, renderPage } from "../../test/render.tsx";
import { api, type Query } from "../api/client.ts";
import { PagedTable, RefreshButton, usePagedList } from "./paged-list.tsx";

const Row = z.object({ id: z.string(), name: z.string() });
const Page = z.object({ items: z.array(Row), total: z.number() });

function ThingsList() {
  const [params] = useSearchParams();
  const list = usePagedList({
    filters: { q: params.get("q") ?? undefined },
    queryKey: (query: Query) => ["things", query],
    load: (query, signal) => api.get("/api/things", Page, query, signal),
  });
  return (
    <>
      <Button onClick={() => list.setFilters({ q: "新" })}>筛选</Button>
      <RefreshButton list={list} />
      <PagedTable list={list} rowKey="id" columns={[{ title: "名称", dataIndex: "name" }]} />
    </>
  );
}

const rows = (page: number) => ({
  items: Array.from({ length: 20 }, (_, i) => ({ id: `${page}-${i}`, name: `第${page}页第${i + 1}条` })),
  total: 45,
});

describe("PagedTable", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("reads its page from the URL, writes the next one there, and filters from page 1", async () => {
    const calls = mockApi({ "GET /api/things": (url) => rows(Number(url.searchParams.get("page"))) });
    renderPage(<ThingsList />, { path: "/things?page=2" });
    expect(await screen.findByText("第2页第1条")).toBeTruthy();
    expect(screen.getByText("共 45 条")).toBeTruthy();
    fireEvent.click(screen.getByTitle("3"));
    expect(await screen.findByText("第3页第1条")).toBeTruthy();
    expect(screen.getByTestId("location").textContent).toBe("/things?page=3&pageSize=20");
    fireEvent.click(screen.getByRole("button", { name: "筛选" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/things?q=%E6%96%B0"));
    await waitFor(() => expect(calls.map((c) => c.call)).toContain("GET /api/things?q=%E6%96%B0&page=1&pageSize=20"));
  });

  it("shows a failed page with a retry, and the usual error toast", async () => {
    let fail = true;
    mockApi({
      "GET /api/things": () =>
        fail
          ? { status: 503, body: { error: { code: "internal", message: "数据库忙，请稍后重试", requestId: "t" } } }
          : rows(1),
    });
    renderPage(<ThingsList />, { path: "/things" });
    expect(await screen.findByText("列表加载失败")).toBeTruthy();
    expect(await screen.findByText("数据库忙，请稍后重试")).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole("button", { name: "重试" }));
    expect(await screen.findByText("第1页第1条")).toBeTruthy();
  });
});
