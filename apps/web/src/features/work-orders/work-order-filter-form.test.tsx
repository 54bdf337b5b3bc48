import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import { describe, expect, it, vi } from "vitest";
import { WorkOrderFilterForm } from "./work-order-filter-form.tsx";

// Vitest runs with TZ=UTC: a browser eight hours west of the bureau.
const MARCH = { from: "2022-03-01T00:00:00+08:00", to: "2022-04-01T00:00:00+08:00" };

function renderForm(onSearch = vi.fn()) {
  render(
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}>
      <WorkOrderFilterForm value={MARCH} towns={[]} onSearch={onSearch} />
    </ConfigProvider>,
  );
  return onSearch;
}

describe("WorkOrderFilterForm", () => {
  it("shows a drill-down's period as Beijing days whatever the browser's zone", () => {
    renderForm();
    const [start, end] = screen.getAllByRole<HTMLInputElement>("textbox").filter((i) => /^\d{4}-/.test(i.value));
    expect(start?.value).toBe("2022-03-01");
    expect(end?.value).toBe("2022-03-31");
  });

  it("sends the picked days back as Beijing midnights", async () => {
    const onSearch = renderForm();
    fireEvent.click(screen.getByRole("button", { name: /查询/ }));
    await waitFor(() => expect(onSearch).toHaveBeenCalled());
    expect(onSearch.mock.calls[0]?.[0]).toMatchObject(MARCH);
  });
});
