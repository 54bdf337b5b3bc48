import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { CreditFlagsPage } from "./credit-flags-page.tsx";

const FLAG = {
  id: "00000000-0000-4000-8000-000000000061",
  idNumber: "440114********1234",
  personName: "李四",
  reason: "逾期未补齐材料",
  source: "区政务服务中心",
  listedOn: "2022-03-01",
  liftedAt: null,
  liftNote: null,
};

describe("CreditFlagsPage (失信名单)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("pages the list through the URL", async () => {
    const calls = mockApi({ "GET /api/credit-flags": () => ({ items: [FLAG], total: 41 }) });
    renderPage(<CreditFlagsPage />, { path: "/credit-flags" });
    expect(await screen.findByText("李四")).toBeTruthy();
    fireEvent.click(screen.getByTitle("3"));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/credit-flags?page=3&pageSize=20"));
    await waitFor(() => expect(calls.map((c) => c.call)).toContain("GET /api/credit-flags?page=3&pageSize=20"));
  });
});
