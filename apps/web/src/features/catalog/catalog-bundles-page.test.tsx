import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { CatalogBundlesPage } from "./catalog-bundles-page.tsx";

const BUNDLE = {
  id: "00000000-0000-4000-8000-000000000051",
  code: "YJS001",
  name: "我要开餐馆",
  description: "一次办好",
  version: 2,
  validFrom: "2022-01-01",
  items: [{ code: "11440114MB0001", name: "食品经营许可", departmentName: "区市场监管局" }],
};

describe("CatalogBundlesPage (一件事)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("lists the bundles as of the date in the URL, with their member items", async () => {
    const calls = mockApi({ "GET /api/catalog/bundles": () => ({ items: [BUNDLE] }) });
    renderPage(<CatalogBundlesPage />, { path: "/catalog/bundles?asOf=2022-06-30" });
    expect(await screen.findByText("我要开餐馆")).toBeTruthy();
    expect(screen.getByText("食品经营许可（区市场监管局）")).toBeTruthy();
    await waitFor(() => expect(screen.getByRole("heading", { name: "一件事主题套餐（1）" })).toBeTruthy());
    expect(calls[0]?.call).toBe("GET /api/catalog/bundles?asOf=2022-06-30");
  });
});
