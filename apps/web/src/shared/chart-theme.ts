import type { GlobalToken } from "antd";

/**
 * An ECharts theme built from the antd tokens in force, so charts share the app's primary colour,
 * text colours, split lines and font (and follow a dark algorithm when one is set).
 */
export function chartTheme(token: GlobalToken): Record<string, unknown> {
  const axis = {
    axisLine: { lineStyle: { color: token.colorBorder } },
    axisTick: { lineStyle: { color: token.colorBorder } },
    axisLabel: { color: token.colorTextSecondary },
    splitLine: { lineStyle: { color: token.colorSplit } },
  };
  return {
    color: [
      token.colorPrimary,
      token.colorTextQuaternary,
      token.colorSuccess,
      token.colorWarning,
      token.colorError,
      token.colorInfo,
      "#722ed1",
      "#13c2c2",
    ],
    backgroundColor: "transparent",
    textStyle: { fontFamily: token.fontFamily, color: token.colorText, fontSize: token.fontSizeSM },
    legend: { textStyle: { color: token.colorText } },
    tooltip: {
      backgroundColor: token.colorBgElevated,
      borderColor: token.colorBorderSecondary,
      textStyle: { color: token.colorText, fontFamily: token.fontFamily },
    },
    categoryAxis: axis,
    valueAxis: axis,
    timeAxis: axis,
  };
}
