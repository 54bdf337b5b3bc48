import { theme } from "antd";
import { type ECharts, init } from "echarts/core";
import { type CSSProperties, useEffect, useMemo, useRef } from "react";
import { chartTheme } from "./chart-theme.ts";
import { type ChartOption, pickRenderer } from "./echarts-setup.ts";

/** What ECharts tells a click handler about the clicked item (the part we use). */
export type ChartClick = { seriesIndex?: number; dataIndex: number; componentType: string };

type Props = {
  option: ChartOption;
  height?: number;
  onClick?: (event: ChartClick) => void;
  /** Receives the live instance (or null once disposed), e.g. for the PNG export. */
  onInstance?: (chart: ECharts | null) => void;
  ariaLabel: string;
  style?: CSSProperties;
};

/**
 * One ECharts instance bound to a div: created with the antd-derived theme and zh-CN locale,
 * resized with its container, disposed on unmount. Everything else is the caller's option.
 */
export function EChart({ option, height = 320, onClick, onInstance, ariaLabel, style }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const { token } = theme.useToken();
  const themeObject = useMemo(() => chartTheme(token), [token]);
  // Handlers change every render; the instance keeps calling the latest without re-binding.
  const clickRef = useRef(onClick);
  const instanceRef = useRef(onInstance);
  const optionRef = useRef(option);
  useEffect(() => {
    clickRef.current = onClick;
    instanceRef.current = onInstance;
    optionRef.current = option;
  });

  // A theme can only be set at init: a new theme means a new instance.
  useEffect(() => {
    const el = ref.current;
    if (!el) {
      return;
    }
    const chart = init(el, themeObject, { renderer: pickRenderer(), locale: "ZH" });
    chartRef.current = chart;
    chart.setOption(optionRef.current);
    chart.on("click", (params) => {
      const p = params as Partial<ChartClick>;
      if (typeof p.dataIndex === "number") {
        clickRef.current?.({
          seriesIndex: p.seriesIndex,
          dataIndex: p.dataIndex,
          componentType: p.componentType ?? "",
        });
      }
    });
    instanceRef.current?.(chart);
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(() => chart.resize());
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      instanceRef.current?.(null);
      chartRef.current = null;
      chart.dispose();
    };
  }, [themeObject]);

  useEffect(() => {
    // notMerge: a series dropped from the option must disappear from the chart.
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  // ECharts writes its own data description into the chart div's aria-label; the title goes on the figure.
  return (
    <figure aria-label={ariaLabel} style={{ margin: 0 }}>
      <div ref={ref} style={{ width: "100%", height, cursor: onClick ? "pointer" : undefined, ...style }} />
    </figure>
  );
}
