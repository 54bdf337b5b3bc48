import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../platform/actor.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { queryRows } from "../../platform/db/rows.ts";
import { authorize, notFound, validation } from "../../platform/errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { canEditBudget } from "../budget/budget.policy.ts";
import { readYearData, viewableYear } from "../budget/budget.service.ts";
import { latestEvaluation } from "../self-evaluation/self-evaluation.service.ts";
import { findTenantById } from "../tenants/tenants.repo.ts";
import { collectFigures } from "./figures.service.ts";
import { type BuildInput, buildReport } from "./report-builder.ts";
import type { ReportDoc } from "./report-model.ts";
import { placeholdersOf, TEMPLATE } from "./report-template.ts";
import { reportParagraphs } from "./reports.schema.ts";

const VARS = new Set(["year", "org", "units"]);

async function editedParagraphs(db: Db, tenantId: string, year: number): Promise<Map<string, string>> {
  const rows = await db
    .select()
    .from(reportParagraphs)
    .where(and(eq(reportParagraphs.tenantId, tenantId), eq(reportParagraphs.year, year)));
  return new Map(rows.map((r) => [r.key, r.text]));
}

/** Builds the report of a tenant's year from the modules' data as they are now. */
export async function buildReportFor(db: Db, clock: Clock, tenantId: string, year: number): Promise<ReportDoc> {
  return buildReport(await reportInput(db, clock, tenantId, year));
}

/** Everything the report of a tenant's year is built from. @throws not_found (no budget year) */
export async function reportInput(db: Db, clock: Clock, tenantId: string, year: number): Promise<BuildInput> {
  const tenant = await findTenantById(db, tenantId);
  const budget = await readYearData(db, tenantId, year);
  if (!tenant || !budget) {
    throw notFound("budget_year");
  }
  const sys: Ctx = {
    db,
    actor: { kind: "system", tenantId, name: "报告生成" },
    clock,
    log: { info: () => {}, warn: () => {}, error: () => {} },
    requestId: randomUUID(),
  };
  const { figures, scores } = await collectFigures(sys, year);
  const ev = await latestEvaluation(db, tenantId, year);
  // 部门概况: the bureau's internal units as the org tree has them now.
  const units = await queryRows<{ name: string }>(
    db,
    sql`select name from org_units where tenant_id = ${tenantId} and parent_id = ${budget.data.year.orgUnitId}
        order by sort, name`,
  );
  if (units.length > 0) {
    figures["org.internalUnits"] = {
      value: units.length,
      label: "内设机构",
      format: "count",
      href: "/org",
      note: "组织机构树中本部门的下级机构数",
    };
  }
  // Signed on the day the evaluation was approved, else submitted, else the day it is built.
  const [signed] = ev
    ? await queryRows<{ at: Date | string | null }>(
        db,
        sql`select coalesce(approved_at, submitted_at) as at from self_evaluations where id = ${ev.id}`,
      )
    : [];
  return {
    tenant: { code: tenant.code, name: tenant.fullName },
    year,
    orgName: budget.data.orgUnitName,
    unitNames: units.map((u) => u.name),
    figures,
    scores,
    tree: ev?.tree ?? null,
    projects: budget.projects,
    edited: await editedParagraphs(db, tenantId, year),
    identityBreaks: budget.summary.identityBreaks,
    signedAt: signed?.at ? new Date(signed.at) : clock.now(),
  };
}

/** The report for an actor who may read the year's budget. @throws not_found */
export async function getReport(ctx: Ctx, year: number): Promise<ReportDoc> {
  await viewableYear(ctx, year);
  return buildReportFor(ctx.db, ctx.clock, ctx.actor.tenantId, year);
}

export async function listParagraphs(ctx: Ctx, year: number) {
  const y = await viewableYear(ctx, year);
  const edited = await editedParagraphs(ctx.db, ctx.actor.tenantId, year);
  return {
    canEdit: canEditBudget(ctx.actor, y.scopePath),
    items: TEMPLATE.map((p) => ({
      key: p.key,
      section: p.section,
      label: p.label,
      defaultText: p.text,
      text: edited.get(p.key) ?? p.text,
      edited: edited.has(p.key),
    })),
  };
}

/**
 * Saves a paragraph's text. Numbers belong in {{figure}} placeholders: each placeholder must
 * name a figure the report can compute. @throws validation (unknown figure), not_found
 */
export async function saveParagraph(ctx: Ctx, year: number, key: string, text: string | null) {
  const y = await viewableYear(ctx, year);
  authorize(canEditBudget(ctx.actor, y.scopePath), "只有财务绩效专员可以修改报告");
  const p = TEMPLATE.find((x) => x.key === key);
  if (!p) {
    throw notFound("report_paragraph");
  }
  if (text !== null) {
    const report = await buildReportFor(ctx.db, ctx.clock, ctx.actor.tenantId, year);
    const unknown = placeholdersOf(text).filter((k) => !VARS.has(k) && !report.figures[k]);
    if (unknown.length > 0) {
      throw validation(unknown.map((k) => ({ path: "text", message: `{{${k}}} 不是本报告可计算的数据项` })));
    }
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .delete(reportParagraphs)
      .where(
        and(
          eq(reportParagraphs.tenantId, ctx.actor.tenantId),
          eq(reportParagraphs.year, year),
          eq(reportParagraphs.key, key),
        ),
      );
    if (text !== null) {
      await tx.insert(reportParagraphs).values({
        id: randomUUID(),
        tenantId: ctx.actor.tenantId,
        year,
        key,
        text,
        updatedBy: ctx.actor.kind === "user" ? ctx.actor.displayName : "系统",
      });
    }
    await recordAudit(
      { ...ctx, db: tx },
      {
        action: text === null ? "report_paragraph.reset" : "report_paragraph.update",
        entityType: "report_paragraph",
        entityId: null,
        scopePath: y.scopePath,
        summary: { year, key, text },
      },
    );
  });
  return listParagraphs(ctx, year);
}
