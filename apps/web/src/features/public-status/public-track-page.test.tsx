import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { PublicTrackPage } from "./public-track-page.tsx";

describe("PublicTrackPage (工单进度查询)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("gives one answer for an unknown number and wrong digits, so numbers cannot be probed", async () => {
    const calls = mockApi({
      "GET /api/public/work-orders/GZ2022-0001": () => ({
        status: 404,
        body: { error: { code: "not_found", message: "工单不存在", requestId: "t" } },
      }),
    });
    renderPage(<PublicTrackPage />, { path: "/public/track" });
    fireEvent.change(screen.getByRole("textbox", { name: "工单号" }), { target: { value: "GZ2022-0001" } });
    fireEvent.change(screen.getByRole("textbox", { name: "来电号码后4位" }), { target: { value: "5678" } });
    fireEvent.click(screen.getByRole("button", { name: /查询/ }));
    expect(await screen.findByText("未找到匹配的工单，请核对工单号和来电号码后4位。")).toBeTruthy();
    expect(calls.map((c) => c.call)).toEqual(["GET /api/public/work-orders/GZ2022-0001?phoneTail=5678"]);
  });
});
