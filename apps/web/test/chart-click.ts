import { type ECharts, getInstanceByDom } from "echarts/core";

/** The ECharts instance inside a chart's figure (the wrapper labels the figure with the chart's title). */
export function chartIn(figure: HTMLElement): ECharts | undefined {
  const dom = figure.firstElementChild;
  return dom instanceof HTMLElement ? getInstanceByDom(dom) : undefined;
}

/**
 * Clicks one bar the way ECharts reports it to `chart.on("click")`: a DOM without layout cannot hit
 * a bar by coordinates, so the event is handed to the instance's own listeners.
 */
export function clickDatum(chart: ECharts | undefined, seriesIndex: number, dataIndex: number): void {
  chart?.trigger("click", {
    type: "click",
    componentType: "series",
    componentSubType: "bar",
    componentIndex: seriesIndex,
    seriesIndex,
    name: "",
    dataIndex,
    data: null,
    value: null,
    $vars: [],
  });
}
