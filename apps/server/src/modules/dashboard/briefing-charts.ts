import { readdirSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import type { EChartsOption } from "echarts";
import type { BriefingTable } from "../../../../../packages/contracts/src/briefings.ts";
import type { GongwenImage } from "../../platform/documents/gongwen-docx.ts";

/** A chart of the briefing: drawn from one of its tables, so its numbers carry the table's query. */
export type BriefingChart = { key: string; caption: string; table: string; option: EChartsOption };

const WIDTH = 800;
const HEIGHT = 400;
// The CJK families Word (Windows, Kylin/UOS) and the server (fonts-noto-cjk, as for PDF) have.
const FONT_FAMILY = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, SimHei, WenQuanYi Micro Hei, sans-serif";
const COLORS = ["#1677ff", "#bfbfbf", "#fa8c16", "#52c41a", "#eb2f96", "#722ed1", "#13c2c2", "#faad14"];

const num = (v: string | number | undefined) => (typeof v === "number" ? v : 0);
const str = (v: string | number | undefined) => String(v ?? "");
const base: EChartsOption = {
  animation: false,
  color: COLORS,
  backgroundColor: "#ffffff",
  textStyle: { fontFamily: FONT_FAMILY, fontSize: 13 },
};

/** The charts a briefing's tables make: volume by day, topics, categories, towns, and what rose. */
export function briefingCharts(tables: Record<string, BriefingTable>): BriefingChart[] {
  const charts: BriefingChart[] = [];
  const daily = tables.daily;
  if (daily && daily.rows.length > 1) {
    charts.push({
      key: "daily",
      caption: `图${charts.length + 1} 每日受理量（本期与上期对比）`,
      table: "daily",
      option: {
        ...base,
        legend: { top: 4, data: ["本期", "上期"] },
        grid: { left: 48, right: 24, top: 40, bottom: 40 },
        xAxis: {
          type: "category",
          data: daily.rows.map((r) => (str(r[1]) ? str(r[1]).slice(5) : `第${str(r[0])}日`)),
        },
        yAxis: { type: "value", name: "件" },
        series: [
          { name: "本期", type: "line", data: daily.rows.map((r) => num(r[2])), symbolSize: 6 },
          { name: "上期", type: "line", data: daily.rows.map((r) => num(r[4])), lineStyle: { type: "dashed" } },
        ],
      },
    });
  }
  const terms = tables.terms;
  if (terms && terms.rows.length > 0) {
    const rows = [...terms.rows].reverse();
    charts.push({
      key: "terms",
      caption: `图${charts.length + 1} 热点主题词（件）`,
      table: "terms",
      option: {
        ...base,
        grid: { left: 110, right: 48, top: 16, bottom: 24 },
        xAxis: { type: "value" },
        yAxis: { type: "category", data: rows.map((r) => str(r[0])) },
        series: [{ type: "bar", data: rows.map((r) => num(r[1])), label: { show: true, position: "right" } }],
      },
    });
  }
  const categories = tables.categories;
  if (categories && categories.rows.length > 0) {
    charts.push({
      key: "categories",
      caption: `图${charts.length + 1} 诉求类别构成`,
      table: "categories",
      option: {
        ...base,
        series: [
          {
            type: "pie",
            radius: ["35%", "65%"],
            label: { formatter: "{b}\n{c} 件（{d}%）" },
            data: categories.rows.map((r) => ({ name: str(r[0]), value: num(r[1]) })),
          },
        ],
      },
    });
  }
  const rising = tables.rising;
  if (rising && rising.rows.length > 0) {
    const rows = rising.rows.slice(0, 10).reverse();
    charts.push({
      key: "rising",
      caption: `图${charts.length + 1} 上升话题：本期件数与基线 λ`,
      table: "rising",
      option: {
        ...base,
        legend: { top: 4, data: ["本期", "基线 λ"] },
        grid: { left: 110, right: 48, top: 40, bottom: 24 },
        xAxis: { type: "value" },
        yAxis: { type: "category", data: rows.map((r) => str(r[1])) },
        series: [
          { name: "本期", type: "bar", data: rows.map((r) => num(r[2])), itemStyle: { color: "#fa541c" } },
          { name: "基线 λ", type: "bar", data: rows.map((r) => num(r[4])), itemStyle: { color: "#bfbfbf" } },
        ],
      },
    });
  }
  const towns = tables.towns;
  if (towns && towns.rows.length > 0) {
    charts.push({
      key: "towns",
      caption: `图${charts.length + 1} 各镇（街）受理量`,
      table: "towns",
      option: {
        ...base,
        legend: { top: 4, data: ["本期", "上期"] },
        grid: { left: 48, right: 24, top: 40, bottom: 64 },
        xAxis: { type: "category", data: towns.rows.map((r) => str(r[0])), axisLabel: { interval: 0, rotate: 30 } },
        yAxis: { type: "value", name: "件" },
        series: [
          { name: "本期", type: "bar", data: towns.rows.map((r) => num(r[1])) },
          { name: "上期", type: "bar", data: towns.rows.map((r) => num(r[2])) },
        ],
      },
    });
  }
  return charts;
}

/** ECharts' server-side SVG renderer: no DOM, no canvas. Loaded on first use (it is large). */
export async function chartSvg(option: EChartsOption, width = WIDTH, height = HEIGHT): Promise<string> {
  const echarts = await import("echarts");
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** SVG → PNG at twice the size (print), with the system's fonts (fonts-noto-cjk for the Chinese). */
export function svgToPng(svg: string, width = WIDTH): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: width * 2 },
    background: "#ffffff",
    font: { loadSystemFonts: true, defaultFontFamily: "Noto Sans CJK SC", sansSerifFamily: "Noto Sans CJK SC" },
  });
  return resvg.render().asPng();
}

const FONT_DIRS = ["/usr/share/fonts", "/usr/local/share/fonts"];
const CJK_FONT = /cjk|sourcehan|source-han|wqy|wenquanyi|simhei|simsun|msyh|fangsong|droidsansfallback/i;
let cjkFont: boolean | undefined;

/** Whether the server has a Chinese font for the PNGs (Word's SVGs use the reader's own fonts). */
export function hasCjkFont(): boolean {
  if (cjkFont === undefined) {
    cjkFont = FONT_DIRS.some((dir) => {
      try {
        return readdirSync(dir, { recursive: true }).some((f) => CJK_FONT.test(String(f)));
      } catch {
        return false; // no such folder
      }
    });
  }
  return cjkFont;
}

export const NO_CJK_FONT =
  "本机未安装中文字体（如 fonts-noto-cjk），Word 中图表的 PNG 备用图无法显示汉字；支持 SVG 的 Word 版本不受影响";

/** The chart as Word takes it: SVG with a PNG fallback. */
export async function chartImage(chart: BriefingChart): Promise<GongwenImage> {
  const svg = await chartSvg(chart.option);
  return {
    kind: "image",
    caption: chart.caption,
    svg: Buffer.from(svg, "utf8"),
    png: svgToPng(svg),
    width: WIDTH,
    height: HEIGHT,
  };
}
