import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { WorkOrderCreateModal } from "./work-order-create-modal.tsx";

const INVALID = {
  status: 400,
  body: {
    error: {
      code: "validation",
      message: "参数错误",
      details: [{ path: "title", message: "标题重复" }],
      requestId: "t",
    },
  },
};

// Vitest runs with TZ=UTC; in Beijing it is 09:30 on 2022-05-10.
const NOW = new Date("2022-05-10T01:30:00Z");

describe("WorkOrderCreateModal", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("proposes the Beijing time of the call and sends the instant it means", async () => {
    const calls = mockApi({ "GET /api/org/tree": () => ({ units: [] }), "POST /api/work-orders": () => INVALID });
    renderPage(<WorkOrderCreateModal open onClose={vi.fn()} onCreated={vi.fn()} />);
    const received = await screen.findByDisplayValue(/^2022-05-10 \d\d:\d\d$/);
    expect(received).toHaveProperty("value", "2022-05-10 09:30");

    fireEvent.mouseDown(screen.getByRole("combobox", { name: "诉求分类" }));
    fireEvent.click(await screen.findByTitle("投诉"));
    fireEvent.change(screen.getByRole("textbox", { name: "标题" }), { target: { value: "路灯不亮" } });
    fireEvent.change(screen.getByRole("textbox", { name: "诉求内容" }), { target: { value: "新华街某路口路灯不亮" } });
    fireEvent.click(screen.getByRole("button", { name: "登记" }));

    await waitFor(() => expect(calls.some((c) => c.call === "POST /api/work-orders")).toBe(true));
    const sent = calls.find((c) => c.call === "POST /api/work-orders")?.body;
    expect(sent).toMatchObject({ category: "complaint", title: "路灯不亮" });
    const receivedAt = sent && typeof sent === "object" && "receivedAt" in sent ? String(sent.receivedAt) : "";
    expect(new Date(receivedAt).toISOString()).toBe(NOW.toISOString());
    // The server's field issue lands on its field.
    expect(await screen.findByText("标题重复")).toBeTruthy();
  });
});
