import { type ItemInput, ItemInputSchema } from "../../../../packages/contracts/src/catalog.ts";

/** A valid on-application item of `departmentId` with two materials (one exempt), overridable. */
export function itemInput(departmentId: string, overrides: Partial<ItemInput> = {}): ItemInput {
  const code = overrides.code ?? `T${Math.random().toString(36).slice(2, 10)}`;
  return ItemInputSchema.parse({
    code,
    name: "食品经营许可证核发",
    level: "main",
    parentCode: null,
    type: "license",
    departmentId,
    implementingBody: "区市场监督管理局",
    legalBasis: "《中华人民共和国食品安全法》第三十五条",
    exerciseLevel: "district",
    statutoryLimitDays: 20,
    promisedLimitDays: 5,
    place: "区政务服务中心B区",
    fees: "不收费",
    result: "食品经营许可证",
    visitsRequired: 0,
    onlineDepth: "full_online",
    onApplication: true,
    materialsReduced: true,
    bookableTown: false,
    bookableVillage: false,
    deferrable: false,
    policyBenefit: false,
    crossRegionScopes: [],
    keywords: "餐饮 食品",
    materials: [
      {
        name: "食品经营许可申请书",
        kind: "original",
        copies: 1,
        source: "applicant",
        exemptDataSource: null,
        required: true,
        deferrable: false,
        trustLevel: "A",
        template: "食品经营许可申请书（样表）",
        basis: "《食品经营许可管理办法》第十二条",
      },
      {
        name: "营业执照",
        kind: "electronic",
        copies: 0,
        source: "shared_data",
        exemptDataSource: "广东省电子证照库·营业执照",
        required: true,
        deferrable: false,
        trustLevel: "A",
        template: "",
        basis: "",
      },
    ],
    ...overrides,
  });
}
