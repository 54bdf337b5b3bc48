import type { ResourceField, UpdateCycle } from "../../../../../packages/contracts/src/data-sharing.ts";

/*
 * The demo catalog's 信息项 written compactly: "名称:C18:kpr" is 字符型 of length 18, key (k),
 * personal (p), required (r) and the 查询条件 (q); "性别:C2|男、女" carries a code list. A resource's 信息项 read as
 * the 编制指南 lists them, without a page of object literals per resource.
 */
export function fields(...specs: string[]): ResourceField[] {
  return specs.map((spec) => {
    const [head = "", codes] = spec.split("|");
    const [name = "", typeLen = "C50", flags = ""] = head.split(":");
    const type = typeLen[0] as ResourceField["type"];
    return {
      name,
      type,
      length: Number(typeLen.slice(1)),
      required: flags.includes("r") || flags.includes("k"),
      codeList: codes ? codes.split("、") : null,
      personal: flags.includes("p"),
      key: flags.includes("k"),
      query: flags.includes("q"),
    };
  });
}

/** How a demo resource is shared: the 共享/开放 types with their conditions and the method. */
export type Sharing = {
  shareType: "unconditional" | "conditional" | "none";
  shareCondition: string;
  shareMethod: string;
  openType: "unconditional" | "conditional" | "none";
};

export const SHARED: Sharing = {
  shareType: "unconditional",
  shareCondition: "",
  shareMethod: "库表交换、接口调用",
  openType: "none",
};
export const CONDITIONAL: Sharing = {
  shareType: "conditional",
  shareCondition: "含个人信息：仅向履行法定职责确需使用的单位共享，须说明用途与法律依据，个人信息脱敏提供",
  shareMethod: "接口调用（按需核验）",
  openType: "none",
};
export const OPEN: Sharing = {
  shareType: "unconditional",
  shareCondition: "",
  shareMethod: "库表交换、文件下载",
  openType: "unconditional",
};

/** Where a resource comes from: the bureau, one of its units, a district department, or every town/street. */
export type Provider =
  | { kind: "bureau" }
  | { kind: "bureau_unit"; name: string }
  | { kind: "department"; name: string }
  | { kind: "town" };

export type ResourceSpec = {
  name: string;
  provider: Provider;
  classification: "basic" | "thematic" | "department";
  subclass: string;
  /** 项 and 目 of the code (2 + 2 digits); 细目 and the sequence are given in load order. */
  item: string;
  format: "table" | "file" | "api";
  sharing: Sharing;
  updateCycle: UpdateCycle;
  summary: string;
  fields: ResourceField[];
  /** Rows a batch of this resource typically carries (before the year is scaled to the report's total). */
  batchRows: number;
};

export const bureau: Provider = { kind: "bureau" };
export const dept = (name: string): Provider => ({ kind: "department", name });
export const unit = (name: string): Provider => ({ kind: "bureau_unit", name });

/** The same 信息项 the registers share. */
export const PERSON = ["公民身份号码:C18:kp", "姓名:C50:pr", "性别:C2|男、女、未说明"];
export const ORG = ["统一社会信用代码:C18:k", "单位名称:C200:r"];
export const PLACE = ["镇街:C30:rq", "村居:C50", "详细地址:C200"];
