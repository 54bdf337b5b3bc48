import {
  BarChart,
  type BarSeriesOption,
  HeatmapChart,
  type HeatmapSeriesOption,
  LineChart,
  type LineSeriesOption,
  TreemapChart,
  type TreemapSeriesOption,
} from "echarts/charts";
import {
  AriaComponent,
  type AriaComponentOption,
  CalendarComponent,
  type CalendarComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
  type VisualMapComponentOption,
  VisualMapContinuousComponent,
} from "echarts/components";
import { type ComposeOption, use } from "echarts/core";
import { LabelLayout } from "echarts/features";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

// Only the parts the pages use are registered, so the chart chunk stays a fraction of full ECharts.
// A page that needs another chart type registers it here (工单统计's treemap, 大厅统计's calendar).
use([
  BarChart,
  LineChart,
  TreemapChart,
  HeatmapChart,
  CalendarComponent,
  VisualMapContinuousComponent,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  LabelLayout,
  CanvasRenderer,
  SVGRenderer,
]);

/** The options our registered parts understand; anything else fails to type-check. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | TreemapSeriesOption
  | HeatmapSeriesOption
  | CalendarComponentOption
  | VisualMapComponentOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | AriaComponentOption
>;

/** Canvas where the browser draws one (crisp PNG export), else SVG (e.g. a DOM without canvas in tests). */
export function pickRenderer(): "canvas" | "svg" {
  try {
    return document.createElement("canvas").getContext("2d") ? "canvas" : "svg";
  } catch {
    return "svg";
  }
}
