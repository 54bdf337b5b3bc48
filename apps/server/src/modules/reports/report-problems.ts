import type { IdentityBreak, Project } from "../../../../../packages/contracts/src/budget.ts";
import { formatWan } from "../../../../../packages/contracts/src/budget.ts";
import { type Block, type Figures, formatFigure, type Run } from "./report-model.ts";

const t = (text: string): Run => ({ text });
const fig = (figures: Figures, key: string): Run =>
  figures[key] ? { text: formatFigure(figures[key]), figure: key } : { text: "—" };
const COMPARATOR: Record<string, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };

/**
 * 三、存在的主要问题 as the records show them, each with what it rests on: identities of the 决算
 * statement that do not hold, projects whose budget was adjusted during the year, indicators below
 * their target, rectifications closed late. Nothing is said that no record supports; the officer's
 * own paragraphs follow these. Returns the paragraphs without their numbers.
 */
export function problemsFromData(input: {
  figures: Figures;
  projects: ReadonlyArray<Pick<Project, "code" | "name" | "level" | "adjustmentFen" | "indicators">>;
  identityBreaks: readonly IdentityBreak[];
}): Run[][] {
  const { figures } = input;
  const out: Run[][] = [];
  for (const b of input.identityBreaks) {
    out.push([
      t(
        `决算数据与明细记录不一致。${b.message.replace(" ≠ ", "，与").replace("，相差", "不一致，相差")}，报告按决算报表填报数陈述，须核实后更正预算数据或决算数。`,
      ),
    ]);
  }
  const level2 = input.projects.filter((p) => p.level === 2);
  const adjusted = level2.filter((p) => p.adjustmentFen !== 0);
  if (adjusted.length > 0) {
    const list = adjusted
      .map((p) => `${p.name}${p.adjustmentFen > 0 ? "调增" : "调减"} ${formatWan(Math.abs(p.adjustmentFen))} 万元`)
      .join("；");
    out.push([t(`预算编制的前瞻性有待加强。${adjusted.length} 个项目年度中调整预算：${list}。`)]);
  }
  const short = level2.flatMap((p) =>
    p.indicators
      .filter((i) => i.met === false)
      .map(
        (i) =>
          `${p.name}“${i.name}”指标值 ${COMPARATOR[i.comparator] ?? i.comparator}${i.target}${i.unit}，实际完成 ${i.actual ?? "—"}${i.unit}`,
      ),
  );
  if (short.length > 0) {
    out.push([t(`部分绩效指标未达到指标值。共 ${short.length} 个指标未达标：${short.join("；")}。`)]);
  }
  const lateBad = figures["badRatings.lateRectifications"];
  if (lateBad && lateBad.value > 0) {
    out.push([
      t("差评整改未全部按时完成。全年差评整改工单 "),
      fig(figures, "badRatings.tickets"),
      t(" 宗，其中 "),
      fig(figures, "badRatings.lateRectifications"),
      t(" 宗超过整改时限，按时整改率 "),
      fig(figures, "badRatings.onTimeRectificationRate"),
      t("。"),
    ]);
  }
  const lateCampaign = figures["campaign.rectification.late"];
  if (lateCampaign && lateCampaign.value > 0) {
    out.push([
      t("涉整改工单未全部按时办结。其中 "),
      fig(figures, "campaign.rectification.late"),
      t(" 宗超过办理时限，按时办结率 "),
      fig(figures, "campaign.rectification.onTimeRate"),
      t("。"),
    ]);
  }
  return out;
}

/** The sign-off at the end: the issuing unit and the date (Asia/Shanghai), flush right. */
export function signOff(orgName: string, at: Date): Block[] {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(at).split("-");
  return [
    { kind: "paragraph", key: "signoff.unit", align: "right", runs: [t(orgName)] },
    {
      kind: "paragraph",
      key: "signoff.date",
      align: "right",
      runs: [t(`${y} 年 ${Number(m)} 月 ${Number(d)} 日`)],
    },
  ];
}
