import { randomUUID } from "node:crypto";
import type { Briefing, BriefingTable } from "../../../../../packages/contracts/src/briefings.ts";
import type { Action } from "../../platform/access-can.ts";
import { type Ctx, silentLogger } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { type GongwenBlock, renderGongwenDocx } from "../../platform/documents/gongwen-docx.ts";
import { notFound } from "../../platform/errors.ts";
import { findTenantById } from "../tenants/tenants.repo.ts";
import { type BriefingChart, briefingCharts, chartImage, hasCjkFont, NO_CJK_FONT } from "./briefing-charts.ts";
import { briefingSpan, collectBriefing } from "./briefing-data.ts";
import { writeBriefing } from "./briefing-document.ts";
import { READ_BRIEFINGS } from "./dashboard.policy.ts";

/** A briefing with the charts its Word form draws. */
export type BuiltBriefing = { briefing: Briefing; charts: BriefingChart[] };

/**
 * The 诉求分析简报 of a period over the tickets the reader may brief on: weekly for Monday to
 * Sunday, monthly for a calendar month. @throws validation (period reversed or over 3 years), not_found
 */
export async function buildBriefing(
  ctx: Ctx,
  q: { from: string; to: string },
  act: Action = READ_BRIEFINGS,
): Promise<BuiltBriefing> {
  const span = briefingSpan(q);
  const tenant = await findTenantById(ctx.db, ctx.actor.tenantId);
  if (!tenant) {
    throw notFound("tenant");
  }
  const data = await collectBriefing(ctx, span, act);
  const charts = briefingCharts(data.tables);
  if (charts.length > 0 && !hasCjkFont()) {
    data.warnings.push(NO_CJK_FONT);
  }
  const refs = charts.map(({ key, caption, table }) => ({ key, caption, table }));
  return { briefing: writeBriefing({ code: tenant.code, name: tenant.fullName }, data, refs), charts };
}

/** The district-wide briefing of a tenant (the CLI: an operator on the server, no user). */
export async function buildBriefingFor(
  db: Db,
  clock: Clock,
  tenantId: string,
  q: { from: string; to: string },
): Promise<BuiltBriefing> {
  const ctx: Ctx = {
    db,
    actor: { kind: "system", tenantId, name: "简报生成" },
    clock,
    log: silentLogger,
    requestId: randomUUID(),
  };
  return buildBriefing(ctx, q);
}

// The day-by-day table feeds the chart; in Word the chart stands for it.
const WORD_TABLES_SKIPPED = new Set(["daily"]);

function tableBlock(table: BriefingTable): GongwenBlock[] {
  return [
    { kind: "paragraph", runs: [{ text: `表：${table.label}` }] },
    {
      kind: "table",
      header: table.columns,
      rows: table.rows.map((r) => r.map((cell) => [{ text: String(cell) }])),
    },
  ];
}

/** The briefing in the 公文 layout of the self-evaluation report, charts as SVG with PNG fallback. */
export async function renderBriefingDocx({ briefing, charts }: BuiltBriefing): Promise<Buffer> {
  const blocks: GongwenBlock[] = [];
  for (const section of briefing.sections) {
    blocks.push({ kind: "heading", level: 1, runs: [{ text: section.heading }] });
    for (const p of section.paragraphs) {
      blocks.push({ kind: "paragraph", runs: [{ text: p }] });
    }
    for (const ref of section.charts) {
      const chart = charts.find((c) => c.key === ref.key);
      if (chart) {
        blocks.push(await chartImage(chart));
      }
    }
    for (const key of section.tables) {
      const table = briefing.tables[key];
      if (table && !WORD_TABLES_SKIPPED.has(key)) {
        blocks.push(...tableBlock(table));
      }
    }
  }
  return renderGongwenDocx(briefing.title, blocks);
}
