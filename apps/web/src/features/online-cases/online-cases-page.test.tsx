import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { OnlineCasesPage } from "./online-cases-page.tsx";

const CASE = {
  id: "00000000-0000-4000-8000-000000000071",
  caseNo: "WB2022000123",
  itemCode: "11440114MB0001",
  itemName: "食品经营许可",
  unitId: "00000000-0000-4000-8000-000000000072",
  unitName: "区市场监管局",
  handlerName: null,
  applicantName: "王五",
  idNumber: null,
  phone: "138****5678",
  submittedAt: "2022-02-28T02:00:00Z",
  finishedAt: "2022-02-28T17:30:00Z",
  result: "approved",
};

describe("OnlineCasesPage (网上办件)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("asks for the period in the URL and shows finish times in Beijing time", async () => {
    const calls = mockApi({ "GET /api/online-cases": () => ({ items: [CASE], total: 1 }) });
    renderPage(<OnlineCasesPage />, { path: "/online-cases?from=2022-02-01&to=2022-02-28" });
    expect(await screen.findByText("WB2022000123")).toBeTruthy();
    // 17:30 UTC on the 28th is already 1 March in Beijing.
    expect(screen.getByText("2022-03-01 01:30:00")).toBeTruthy();
    expect(screen.getByText("共 1 件")).toBeTruthy();
    expect(calls[0]?.call).toBe("GET /api/online-cases?from=2022-02-01&to=2022-02-28&page=1&pageSize=20");
  });
});
