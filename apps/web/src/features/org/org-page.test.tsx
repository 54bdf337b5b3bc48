import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage, TEST_ME } from "../../../test/render.tsx";
import { OrgPage } from "./org-page.tsx";

const DISTRICT = {
  id: "00000000-0000-4000-8000-0000000000b1",
  parentId: null,
  code: "440114",
  name: "花都区",
  kind: "district",
  depth: 0,
  childCount: 1,
};
const STREET = {
  id: "00000000-0000-4000-8000-0000000000b2",
  parentId: DISTRICT.id,
  code: "440114001",
  name: "新华街道",
  kind: "street",
  depth: 1,
  childCount: 0,
};

describe("OrgPage (组织机构)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows the tree, searches on the server, and details the chosen unit", async () => {
    const calls = mockApi({
      "GET /api/auth/me": () => TEST_ME,
      "GET /api/org/tree": () => ({ units: [DISTRICT, STREET] }),
    });
    renderPage(<OrgPage />, { path: "/org", me: TEST_ME });
    fireEvent.click(await screen.findByText("新华街道"));
    // The details list the code beside the tree's own label.
    await waitFor(() => expect(screen.getAllByText("440114001").length).toBe(2));
    fireEvent.change(screen.getByRole("searchbox", { name: "搜索机构" }), { target: { value: "新华" } });
    fireEvent.click(screen.getByRole("button", { name: /search/ }));
    await waitFor(() => expect(calls.map((c) => c.call)).toContain("GET /api/org/tree?q=%E6%96%B0%E5%8D%8E"));
  });
});
