import { randomUUID } from "node:crypto";
import { ProjectInputSchema } from "../../../../packages/contracts/src/budget.ts";
import { issueApiKey } from "../../src/modules/api-keys/api-keys.service.ts";
import { addFact, createProject, saveBudgetYear } from "../../src/modules/budget/budget.service.ts";
import { createItem } from "../../src/modules/catalog/catalog.service.ts";
import { saveBundle } from "../../src/modules/catalog/catalog-bundles.service.ts";
import { createRequest } from "../../src/modules/data-sharing/requests.service.ts";
import { createResource, createSystem } from "../../src/modules/data-sharing/resources.service.ts";
import { insertDeferral } from "../../src/modules/deferrals/deferrals.repo.ts";
import { insertRating } from "../../src/modules/evaluations/evaluations.repo.ts";
import { onlineCases } from "../../src/modules/online-cases/online-cases.schema.ts";
import { findOrgUnitById } from "../../src/modules/org/org.repo.ts";
import { createEvaluation } from "../../src/modules/self-evaluation/self-evaluation.service.ts";
import { findGrantsOfUsers } from "../../src/modules/users/users.repo.ts";
import { createWorkOrder } from "../../src/modules/work-orders/intake.service.ts";
import { transitionWorkOrder } from "../../src/modules/work-orders/transitions.service.ts";
import { silentLogger } from "../../src/platform/actor.ts";
import { systemClock } from "../../src/platform/clock.ts";
import type { Database } from "../../src/platform/db/client.ts";
import { projectBody, type Targets, yearBody } from "../route-spec-types.ts";
import { itemInput } from "./catalog-item.factory.ts";
import { resourceInput } from "./data-resource.factory.ts";
import { buildHall, type TestHall } from "./hall.factory.ts";
import { buildUser } from "./user.factory.ts";

/**
 * The resources of one tenant that the route table's requests point at (`targetsIn(unit)` makes a
 * fresh set owned by the unit). Shared by the authorization matrix and the second-tenant test.
 */
export function routeTargets(database: Database, tenant: { id: string }) {
  async function targetsIn(unit: { id: string }): Promise<Targets> {
    const user = await buildUser(database.db, tenant.id, unit.id, ["handler"], { phone: "13912345678" });
    const grant = (await findGrantsOfUsers(database.db, [user.id])).get(user.id)?.[0];
    const key = await issueApiKey(
      { db: database.db, tenantId: tenant.id, orgUnitId: unit.id, createdBy: "test" },
      { name: "k", scopes: ["tickets:read"] },
    );
    const workOrderId = await dispatchedTicket(unit.id);
    const masterId = await dispatchedTicket(unit.id);
    const budget = await budgetOf(unit.id);
    const ratingId = randomUUID();
    await insertRating(database.db, {
      id: ratingId,
      tenantId: tenant.id,
      subjectKind: "work_order",
      subjectId: workOrderId,
      subjectLabel: "测试工单",
      unitId: unit.id,
      scopePath: (await findOrgUnitById(database.db, tenant.id, unit.id))?.path ?? "/",
      windowName: null,
      staffName: null,
      itemCode: null,
      level: 5,
      reasons: [],
      comment: "",
      isDefault: false,
      raterName: "测试",
      raterPhone: "13912345678",
      status: "valid",
      appeal: "none",
      appealReason: null,
      decisionReason: null,
      ratedAt: new Date(),
      rectificationWorkOrderId: null,
    });
    const hall = await hallIn(unit.id);
    const group = hall.groups[0];
    const deferralId = randomUUID();
    const now = new Date();
    await insertDeferral(database.db, {
      id: deferralId,
      tenantId: tenant.id,
      caseId: randomUUID(),
      hallId: hall.id,
      scopePath: (await findOrgUnitById(database.db, tenant.id, unit.id))?.path ?? "/",
      itemCode: "T-1",
      itemName: "测试事项",
      personName: "测试",
      idNumber: "440114199001011235",
      phone: "13912345678",
      missingMaterials: ["户口簿复印件"],
      promiseText: "本人承诺在期限内补齐材料。",
      promiseSignedAt: now,
      acceptedAt: now,
      promisedLimitDays: 5,
      promisedDueAt: new Date(now.getTime() + 7 * 86_400_000),
      makeUpDueAt: new Date(now.getTime() + 7 * 86_400_000),
      status: "awaiting",
      createdBy: "测试",
    });
    const onlineCaseId = randomUUID();
    await database.db.insert(onlineCases).values({
      id: onlineCaseId,
      tenantId: tenant.id,
      caseNo: `WB-${onlineCaseId.slice(0, 8)}`,
      payloadHash: "-",
      itemCode: "T-1",
      itemName: "测试事项",
      unitId: unit.id,
      scopePath: (await findOrgUnitById(database.db, tenant.id, unit.id))?.path ?? "/",
      handlerName: null,
      applicantName: "测试",
      idNumber: "440114199001011235",
      phone: "13912345678",
      submittedAt: now,
      finishedAt: now,
      result: "approved",
      receivedAt: now,
      source: "测试",
    });
    return {
      deferralId,
      onlineCaseId,
      ratingId,
      unitId: unit.id,
      userId: user.id,
      grantId: grant?.id ?? "",
      apiKeyId: key.row.id,
      workOrderId,
      masterId,
      ...budget,
      hallId: hall.id,
      groupId: group?.id ?? "",
      windowId: group?.windows[0] ?? "",
      ...(await catalogOf(unit.id)),
      ...(await dataOf(unit.id)),
    };
  }

  /** A fresh data resource of the unit and a system of the unit that provides it. */
  async function dataOf(
    unitId: string,
  ): Promise<Pick<Targets, "resourceCode" | "systemId" | "dataRequestId" | "dataGrantId" | "dataKeyId">> {
    const actor = { kind: "system" as const, tenantId: tenant.id, name: "测试" };
    const ctx = { db: database.db, actor, clock: systemClock, log: silentLogger, requestId: "t" };
    const resource = await createResource(ctx, resourceInput(unitId));
    const system = await createSystem(ctx, {
      name: "测试业务系统",
      ownerUnitId: unitId,
      onGovCloud: true,
      protectionLevel: 2,
      provides: [resource.code],
      consumes: [],
    });
    const conditional = await createResource(
      ctx,
      resourceInput(unitId, { shareType: "conditional", shareCondition: "仅限执法使用" }),
    );
    const ask = (code: string) =>
      createRequest(ctx, {
        resourceCode: code,
        consumerUnitId: unitId,
        purpose: "核验企业登记信息",
        legalBasis: "《优化营商环境条例》",
        fields: ["统一社会信用代码", "企业名称"],
        periodFrom: "2022-01-01",
        periodTo: "2099-12-31",
      });
    const pending = await ask(conditional.code);
    const granted = await ask(resource.code);
    const writeKey = await issueApiKey(
      { db: database.db, tenantId: tenant.id, orgUnitId: unitId, createdBy: "测试" },
      { name: "测试写入密钥", scopes: ["data:write"] },
    );
    return {
      dataKeyId: writeKey.row.id,
      resourceCode: resource.code,
      systemId: system.id,
      dataRequestId: pending.id,
      dataGrantId: granted.grant?.id ?? "",
    };
  }

  const budgets = new Map<string, Promise<Pick<Targets, "year" | "projectId" | "factId" | "evaluationId">>>();
  /** One budget year per unit, made once: years are unique per tenant. */
  function budgetOf(unitId: string) {
    let made = budgets.get(unitId);
    if (!made) {
      made = (async () => {
        const year = 2022 + budgets.size;
        const actor = { kind: "system" as const, tenantId: tenant.id, name: "测试" };
        const ctx = { db: database.db, actor, clock: systemClock, log: silentLogger, requestId: "t" };
        await saveBudgetYear(ctx, year, yearBody(unitId) as Parameters<typeof saveBudgetYear>[2]);
        const project = await createProject(ctx, year, ProjectInputSchema.parse(projectBody()));
        const fact = await addFact(ctx, year, {
          key: "exits",
          label: "出口",
          value: 1,
          unit: "个",
          sourceNote: "台账",
          evidence: { name: "a.txt", type: "text/plain", base64: "YQ==" },
        });
        const evaluation = await createEvaluation(ctx, year);
        return { year, projectId: project.id, factId: fact?.id ?? "", evaluationId: evaluation.id };
      })();
      budgets.set(unitId, made);
    }
    return made;
  }

  // One hall per unit is enough: no request of the matrix uses up anything in it.
  const halls = new Map<string, Promise<TestHall>>();
  function hallIn(unitId: string): Promise<TestHall> {
    let hall = halls.get(unitId);
    if (!hall) {
      hall = buildHall(database.db, tenant.id, unitId, systemClock, { workdays: 1 });
      halls.set(unitId, hall);
    }
    return hall;
  }

  /** Two fresh items of the unit (so a withdrawal or rename never affects another case) and their bundle. */
  async function catalogOf(unitId: string): Promise<Pick<Targets, "itemId" | "itemCodes" | "bundleId" | "bundleCode">> {
    const actor = { kind: "system" as const, tenantId: tenant.id, name: "测试" };
    const ctx = { db: database.db, actor, clock: systemClock, log: silentLogger, requestId: "t" };
    const first = await createItem(ctx, itemInput(unitId, { policyBenefit: true }));
    const second = await createItem(ctx, itemInput(unitId));
    const bundleCode = `B${Math.random().toString(36).slice(2, 10)}`;
    const bundle = await saveBundle(ctx, {
      code: bundleCode,
      name: "一件事",
      description: "",
      itemCodes: [first.code, second.code],
    });
    return { itemId: first.id, itemCodes: [first.code, second.code], bundleId: bundle.id, bundleCode };
  }

  /** A ticket dispatched to `unitId`, waiting to be signed for. */
  async function dispatchedTicket(unitId: string): Promise<string> {
    const actor = { kind: "system" as const, tenantId: tenant.id, name: "测试" };
    const ctx = { db: database.db, actor, clock: systemClock, log: silentLogger, requestId: "t" };
    const { workOrder } = await createWorkOrder(ctx, {
      receivedAt: "2022-09-30T10:00:00+08:00",
      kind: "hotline",
      category: "complaint",
      urgency: "normal",
      channel: "phone",
      title: "测试工单",
      content: `内容${Math.random()}`,
      callerPhone: "13800001234",
      campaignTags: [],
    });
    await transitionWorkOrder(ctx, workOrder.id, { action: "dispatch", unitId, attachments: [] });
    return workOrder.id;
  }

  return targetsIn;
}
