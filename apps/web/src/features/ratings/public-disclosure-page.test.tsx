import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { PublicDisclosurePage } from "./public-disclosure-page.tsx";

describe("PublicDisclosurePage (好差评结果公开)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows each unit's good rate and rectification for the tenant in the URL", async () => {
    const calls = mockApi({
      "GET /api/public/ratings/disclosure": () => ({
        period: { from: null, to: null },
        units: [{ unitName: "区市场监管局", ratings: 1200, goodRate: 0.99583, bad: 5, rectified: 4, rectifying: 1 }],
      }),
    });
    renderPage(<PublicDisclosurePage />, { path: "/public/ratings?tenant=440114" });
    expect(await screen.findByText("区市场监管局")).toBeTruthy();
    expect(screen.getByText("99.58%")).toBeTruthy();
    expect(calls[0]?.call).toBe("GET /api/public/ratings/disclosure?tenant=440114");
  });
});
