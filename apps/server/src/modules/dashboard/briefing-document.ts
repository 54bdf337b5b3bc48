import type { Briefing, BriefingTable } from "../../../../../packages/contracts/src/briefings.ts";
import type { BriefingData, BriefingSpan } from "./briefing-data.ts";

type Section = Briefing["sections"][number];
type ChartRef = Section["charts"][number];

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八"];
const cn = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
const cnShort = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** "广州市花都区诉求分析周报（2022年3月14日—3月20日）". */
export function briefingTitle(tenantName: string, span: BriefingSpan): string {
  const sameYear = span.fromDay.slice(0, 4) === span.toDay.slice(0, 4);
  const range = `${cn(span.fromDay)}—${sameYear ? cnShort(span.toDay) : cn(span.toDay)}`;
  switch (span.kind) {
    case "weekly":
      return `${tenantName}诉求分析周报（${range}）`;
    case "monthly":
      return `${tenantName}诉求分析月报（${Number(span.fromDay.slice(0, 4))}年${Number(span.fromDay.slice(5, 7))}月）`;
    case "period":
      return `${tenantName}诉求分析简报（${range}）`;
  }
}

/** "路灯（27 件）、河涌（12 件）": the first `n` rows of a table, name and count. */
function listOf(table: BriefingTable | undefined, n: number, name = 0, value = 1): string {
  return (table?.rows ?? [])
    .slice(0, n)
    .map((r) => `${r[name]}（${r[value]} 件）`)
    .join("、");
}

/** "岭南镇东岭村（河涌 12 件、黑臭 12 件）": hot spots by place, one place's topics together. */
function placesOf(rows: BriefingTable["rows"]): string {
  const byPlace = new Map<string, string[]>();
  for (const r of rows) {
    const place = `${r[0]}${r[1]}`;
    const terms = byPlace.get(place) ?? [];
    terms.push(`${r[2]} ${r[3]} 件`);
    byPlace.set(place, terms);
  }
  return [...byPlace.entries()]
    .slice(0, 5)
    .map(([place, terms]) => `${place}（${terms.slice(0, 4).join("、")}）`)
    .join("；");
}

/**
 * The briefing's text: each number read from a figure or a table of `data` (none typed here), in
 * sections that name the tables and charts shown with them.
 */
export function writeBriefing(
  tenant: { code: string; name: string },
  data: BriefingData,
  charts: ReadonlyArray<ChartRef>,
): Briefing {
  const { span, figures: f, tables: t } = data;
  const chartsOf = (...tables: string[]) => charts.filter((c) => tables.includes(c.table));
  const previous = span.kind === "monthly" ? "上月" : span.kind === "weekly" ? "上周" : "上期";
  const tickets = f.tickets?.value ?? 0;
  const prevTickets = f.previousTickets?.value ?? 0;
  const change = f.change?.value;
  const trend =
    change === undefined
      ? `${previous}（${cn(span.prevFromDay)}至${cn(span.prevToDay)}）没有受理工单，无法计算环比`
      : `${previous}受理 ${prevTickets} 件，环比${change >= 0 ? "增长" : "下降"} ${Math.abs(change)}%`;
  const sections: Section[] = [];
  const add = (heading: string, paragraphs: string[], tables: string[], chartTables: string[] = []) =>
    sections.push({
      heading: `${NUMERALS[sections.length] ?? sections.length + 1}、${heading}`,
      paragraphs,
      tables: tables.filter((k) => (t[k]?.rows.length ?? 0) > 0),
      charts: chartsOf(...chartTables),
    });

  add(
    "总体情况",
    [`${cn(span.fromDay)}至${cn(span.toDay)}，共受理群众诉求工单 ${tickets} 件；${trend}。`],
    [],
    ["daily"],
  );
  const topCategory = t.categories?.rows[0];
  add(
    "热点主题与诉求类别",
    tickets === 0
      ? ["本期没有工单，无热点主题。"]
      : [
          `本期反映最多的主题词依次为：${listOf(t.terms, 10)}。`,
          topCategory
            ? `按诉求类别，${topCategory[0]}类最多，共 ${topCategory[1]} 件，占 ${topCategory[2]}；各类别件数见下表。`
            : "",
        ].filter(Boolean),
    ["terms", "categories"],
    ["terms", "categories"],
  );
  const rising = t.rising;
  add(
    "上升话题",
    !rising
      ? [data.warnings.find((w) => w.includes("上升")) ?? "本期不做上升话题检验。"]
      : [
          `检验方法：${rising.definition}。`,
          rising.rows.length === 0
            ? "本期未发现显著上升的主题。"
            : `本期共有 ${f.risingTopics?.value ?? 0} 个主题显著上升：${rising.rows
                .slice(0, 8)
                .map((r) => `${r[0] === "类别" ? `${r[1]}类` : r[1]}（本期 ${r[2]} 件，基线 λ = ${r[4]}，P = ${r[5]}）`)
                .join("、")}。建议相关承办单位关注并研判成因。`,
        ],
    ["rising"],
    ["rising"],
  );
  const spots = t.hotSpots?.rows ?? [];
  add(
    "诉求聚集点",
    [
      spots.length === 0
        ? `未发现聚集点（${t.hotSpots?.definition ?? ""}）。`
        : `按“${t.hotSpots?.definition ?? ""}”，发现聚集点 ${f.hotSpots?.value ?? 0} 个，主要为：${placesOf(spots)}。`,
    ],
    ["hotSpots"],
  );
  add(
    "重复来电",
    [
      (f.repeatCallers?.value ?? 0) === 0
        ? `没有重复来电（${f.repeatCallers?.definition ?? ""}）。`
        : `按“${f.repeatCallers?.definition ?? ""}”，有 ${f.repeatCallers?.value ?? 0} 个号码重复来电，建议承办单位主动回访、一并化解。`,
    ],
    ["repeatCallers"],
  );
  add(
    "镇（街）与承办单位",
    tickets === 0
      ? ["本期没有工单。"]
      : [`受理量居前的镇（街）为：${listOf(t.towns, 3)}。`, `承办量居前的单位为：${listOf(t.units, 3)}。`],
    ["towns", "units"],
    ["towns"],
  );
  add(
    "数据说明",
    [
      "本简报所有数字均由系统按附带的查询从工单数据实时计算（JSON 版列出每个数字的定义与 SQL），未经人工填写；范围为生成人有权查看的工单。",
    ],
    [],
  );
  return {
    tenant,
    kind: span.kind,
    title: briefingTitle(tenant.name, span),
    from: span.fromDay,
    to: span.toDay,
    previous: { from: span.prevFromDay, to: span.prevToDay },
    figures: data.figures,
    tables: data.tables,
    sections,
    warnings: data.warnings,
  };
}
