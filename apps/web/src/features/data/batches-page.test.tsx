import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mockApi, renderPage } from "../../../test/render.tsx";
import { BatchesPage } from "./batches-page.tsx";
import { OFFICER, UNIT_B } from "./data-test-fixtures.ts";

const BATCH = {
  id: "00000000-0000-4000-8000-000000000601",
  batchId: "sync-2022-10",
  mode: "registered",
  received: 600_000_000,
  accepted: 600_000_000,
  quarantined: 0,
  checksum: "a".repeat(64),
  receivedAt: "2022-10-12T01:00:00.000Z",
  createdBy: "数据专员",
  resourceCode: "30101001-00001",
  resourceName: "市场主体登记信息",
  providerUnitId: UNIT_B,
  providerName: "区市场监管局",
};

describe("BatchesPage (数据批次)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("lists the provider's batches of the days in the URL, in Beijing time, with the rows they add up to", async () => {
    const calls = mockApi({
      "GET /api/auth/me": () => OFFICER,
      "GET /api/data/batches": () => ({ total: 1, acceptedRows: 600_000_000, items: [BATCH] }),
    });
    renderPage(<BatchesPage />, {
      path: `/data/statistics/batches?providerUnitId=${UNIT_B}&from=2022-10-01&to=2022-10-31`,
      me: OFFICER,
    });
    expect(await screen.findByText("sync-2022-10")).toBeTruthy();
    expect(screen.getByText("2022-10-12 09:00:00")).toBeTruthy();
    expect(screen.getByText("仅登记")).toBeTruthy();
    expect(await screen.findByText("6.00 亿")).toBeTruthy();
    await waitFor(() =>
      expect(calls.map((c) => c.call)).toContain(
        `GET /api/data/batches?providerUnitId=${UNIT_B}&from=2022-10-01&to=2022-10-31&page=1&pageSize=20`,
      ),
    );
  });
});
