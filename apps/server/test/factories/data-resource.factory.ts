import { type ResourceInput, ResourceInputSchema } from "../../../../packages/contracts/src/data-sharing.ts";

// A random start, then a counter: unique within a test file, unlikely to meet another file's on a shared server.
let sequence = Math.floor(Math.random() * 9_000_000);

/** A fresh resource code of the given class (3 = 部门信息资源). */
export function freshResourceCode(classDigit = "3"): string {
  sequence += 1;
  const seq = String(Math.floor(Math.random() * 100_000)).padStart(5, "0");
  return `${classDigit}${String(sequence).padStart(7, "0")}-${seq}`;
}

/** A valid 部门信息资源 of `providerUnitId` with a key, a personal and a coded field, overridable. */
export function resourceInput(providerUnitId: string, overrides: Partial<ResourceInput> = {}): ResourceInput {
  return ResourceInputSchema.parse({
    code: freshResourceCode(),
    name: "企业登记信息",
    providerUnitId,
    summary: "本单位登记的市场主体基本信息",
    classification: "department",
    subclass: "市场监管",
    format: "table",
    shareType: "unconditional",
    shareCondition: "",
    shareMethod: "接口",
    openType: "none",
    updateCycle: "daily",
    publishedOn: "2022-01-04",
    fields: [
      { name: "统一社会信用代码", type: "C", length: 18, required: true, key: true },
      { name: "企业名称", type: "C", length: 100, required: true },
      { name: "法定代表人", type: "C", length: 30, personal: true },
      { name: "注册资本", type: "N", length: 20 },
      { name: "成立日期", type: "D", length: 10 },
      { name: "登记状态", type: "C", length: 10, codeList: ["存续", "注销", "吊销"] },
    ],
    ...overrides,
  });
}

/** A request body for `POST /api/data/requests` (a quarter of two fields), overridable. */
export function requestInput(resourceCode: string, consumerUnitId: string, overrides: Record<string, unknown> = {}) {
  return {
    resourceCode,
    consumerUnitId,
    purpose: "核验企业登记信息",
    legalBasis: "《优化营商环境条例》",
    fields: ["统一社会信用代码", "企业名称"],
    periodFrom: "2022-10-01",
    periodTo: "2022-12-31",
    ...overrides,
  };
}
