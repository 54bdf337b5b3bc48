import type { TableColumnsType } from "antd";
import { useMemo } from "react";
import type { HallMetricRow } from "../../../../../packages/contracts/src/appointments.ts";
import { ChartCard, SelectCell } from "../../shared/chart-card.tsx";
import { formatChartValue } from "../../shared/chart-format.ts";
import type { ChartClick } from "../../shared/echart.tsx";
import type { ChartOption } from "../../shared/echarts-setup.ts";
import { formatDay } from "./slot-format.ts";

const HINT = "点击查看当日来访";
const CELL = 16;
const YEAR_HEIGHT = 7 * CELL + 48;

type Day = { day: string; visitors: number };
type Props = { days: readonly HallMetricRow[]; loading: boolean; onSelect: (day: string, visitors: number) => void };

/**
 * 来访人次 by business day (Beijing) as a calendar heat map, one calendar row per year; a cell (or
 * its table row) opens that day's tickets. Days without visitors are left blank.
 */
export function VisitorCalendar({ days, loading, onSelect }: Props) {
  const rows = useMemo<Day[]>(
    () =>
      days
        .flatMap((r) => (r.key && r.visitors > 0 ? [{ day: r.key, visitors: r.visitors }] : []))
        .sort((a, b) => a.day.localeCompare(b.day)),
    [days],
  );
  // One series per calendar year: a click names its series and the day's index within it.
  const years = useMemo(() => {
    const byYear = new Map<string, Day[]>();
    for (const r of rows) {
      const y = r.day.slice(0, 4);
      byYear.set(y, [...(byYear.get(y) ?? []), r]);
    }
    return [...byYear.entries()].map(([year, list]) => ({ year, list }));
  }, [rows]);
  const max = rows.reduce((m, r) => Math.max(m, r.visitors), 0);
  const option = useMemo<ChartOption>(
    () => ({
      aria: { enabled: true },
      tooltip: {
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p;
          const [day, n] = Array.isArray(item?.value) ? item.value : [];
          return `${formatDay(String(day))}：来访 ${formatChartValue(Number(n), "count")} 人次`;
        },
      },
      visualMap: {
        type: "continuous",
        min: 0,
        max: Math.max(max, 1),
        orient: "horizontal",
        right: 8,
        top: 0,
        itemHeight: 120,
        formatter: (v) => formatChartValue(Number(v), "count"),
      },
      calendar: years.map((y, i) => ({
        top: 40 + i * YEAR_HEIGHT,
        left: 40,
        right: 8,
        cellSize: ["auto", CELL],
        range: y.year,
        dayLabel: { nameMap: "ZH", firstDay: 1 },
        monthLabel: { nameMap: "ZH" },
        yearLabel: { show: true, position: "left" },
      })),
      series: years.map((y, i) => ({
        type: "heatmap",
        name: `${y.year}年来访人次`,
        coordinateSystem: "calendar",
        calendarIndex: i,
        data: y.list.map((d) => [d.day, d.visitors]),
      })),
    }),
    [years, max],
  );
  const onChartClick = (e: ChartClick) => {
    const d = years[e.seriesIndex ?? -1]?.list[e.dataIndex];
    if (d) {
      onSelect(d.day, d.visitors);
    }
  };
  const columns: TableColumnsType<Day> = [
    { title: "日期", render: (_v, d) => formatDay(d.day) },
    {
      title: "来访人次",
      align: "right",
      render: (_v, d) => {
        const text = formatChartValue(d.visitors, "count");
        return (
          <SelectCell
            text={text}
            label={`${formatDay(d.day)} 来访人次 ${text}，${HINT}`}
            onSelect={() => onSelect(d.day, d.visitors)}
          />
        );
      },
    },
  ];
  return (
    <ChartCard<Day>
      title="每日来访人次"
      option={option}
      rows={rows}
      columns={columns}
      rowKey={(d) => d.day}
      onChartClick={onChartClick}
      selectHint={HINT}
      loading={loading}
      height={40 + Math.max(years.length, 1) * YEAR_HEIGHT}
    />
  );
}
