import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from "echarts/charts";
import {
  AriaComponent,
  type AriaComponentOption,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from "echarts/components";
import { type ComposeOption, use } from "echarts/core";
import { LabelLayout } from "echarts/features";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

// Only the parts the pages use are registered, so the chart chunk stays a fraction of full ECharts.
// A page that needs another chart type (pie, treemap, heat map) registers it here.
use([
  BarChart,
  LineChart,
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
