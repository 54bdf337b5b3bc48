import { fireEvent, render, screen } from "@testing-library/react";
import { ConfigProvider } from "antd";
import zhCN from "antd/locale/zh_CN";
import { getInstanceByDom } from "echarts/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { clickDatum } from "../../test/chart-click.ts";
import { CategoryChart, type ChartSeries } from "./category-chart.tsx";

type Month = { key: string; now: number; before: number };
const DATA: Month[] = [
  { key: "2022-01", now: 12_345, before: 6_000 },
  { key: "2022-02", now: 9_000, before: 4_500 },
];
const SERIES: ChartSeries<Month>[] = [
  { name: "本期", type: "bar", value: (m) => m.now },
  { name: "上年同期", type: "bar", value: (m) => m.before },
];
const CATEGORY = { title: "月份", label: (m: Month) => `${Number(m.key.slice(5))}月` };

async function renderChart(onSelect = vi.fn()) {
  const view = render(
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }}>
      <CategoryChart<Month>
        title="月度受理量"
        data={DATA}
        category={CATEGORY}
        series={SERIES}
        onSelect={onSelect}
        selectHint="点击查看该月工单"
      />
    </ConfigProvider>,
  );
  const figure = await screen.findByRole("figure", { name: /月度受理量/ });
  const dom = figure.firstElementChild;
  if (!(dom instanceof HTMLElement)) {
    throw new Error("the figure holds no chart");
  }
  return { onSelect, dom, view };
}

describe("CategoryChart", () => {
  afterEach(() => vi.restoreAllMocks());

  it("hands back the clicked datum and series from a click on the chart", async () => {
    const { onSelect, dom } = await renderChart();
    const chart = getInstanceByDom(dom);
    expect(chart).toBeDefined();
    clickDatum(chart, 1, 1);
    expect(onSelect).toHaveBeenCalledWith(DATA[1], SERIES[1]);
  });

  it("shows the same numbers as a table, zh-CN formatted, each cell opening what the bar opens", async () => {
    const { onSelect } = await renderChart();
    fireEvent.click(screen.getByText("表格"));
    expect(screen.getByRole("columnheader", { name: "上年同期" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "1月 本期 12,345，点击查看该月工单" }));
    expect(onSelect).toHaveBeenCalledWith(DATA[0], SERIES[0]);
  });

  it("exports the chart as a PNG named after its title", async () => {
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.download} ${this.href.slice(0, 11)}`);
    });
    await renderChart();
    fireEvent.click(screen.getByRole("button", { name: /导出图片/ }));
    expect(clicked).toEqual(["月度受理量.png data:image/"]);
  });

  it("disposes its ECharts instance when it leaves the page", async () => {
    const { dom, view } = await renderChart();
    const chart = getInstanceByDom(dom);
    view.unmount();
    expect(chart?.isDisposed()).toBe(true);
  });

  it("says so when the period has no data instead of drawing empty axes", async () => {
    render(<CategoryChart<Month> title="空" data={[]} category={CATEGORY} series={SERIES} />);
    expect(screen.getByText("统计期内暂无数据")).toBeTruthy();
  });
});
