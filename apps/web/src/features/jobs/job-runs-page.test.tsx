import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { JobRunsPage } from "./job-runs-page.tsx";

const RUN = {
  id: "00000000-0000-4000-8000-000000000031",
  job: "sla-sweep",
  slot: "2022-03-01T01:00",
  attempt: 2,
  host: "web-1",
  startedAt: "2022-03-01T01:00:00Z",
  finishedAt: "2022-03-01T01:00:01.500Z",
  state: "completed",
  error: null,
  rowsAffected: 3,
  summary: { checked: 10, raised: 3 },
};

describe("JobRunsPage (任务运行记录)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows each run in Beijing time with its outcome, and refreshes on demand", async () => {
    const calls = mockApi({ "GET /api/jobs/runs": () => ({ items: [RUN], total: 1 }) });
    renderPage(<JobRunsPage />, { path: "/jobs" });
    expect(await screen.findByText("2022-03-01 09:00:00")).toBeTruthy();
    expect(screen.getByText("1.5 秒")).toBeTruthy();
    expect(screen.getByText("重试 1")).toBeTruthy();
    expect(screen.getByText("检查 10，升级督办 3")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "刷新" }));
    await waitFor(() => expect(calls.length).toBe(2));
  });
});
