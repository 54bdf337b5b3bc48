import type { Me } from "../../../../../packages/contracts/src/auth.ts";
import { TEST_ME } from "../../../test/render.tsx";

export const UNIT_A = "00000000-0000-4000-8000-0000000000a1";
export const UNIT_B = "00000000-0000-4000-8000-0000000000b1";

export const OFFICER: Me = {
  ...TEST_ME,
  grants: [
    {
      id: "00000000-0000-4000-8000-0000000000f1",
      role: "data_officer",
      orgUnitId: UNIT_B,
      orgUnitName: "区市场监管局",
    },
  ],
  menu: ["dataResources"],
};

export const SUMMARY = {
  id: "00000000-0000-4000-8000-000000000101",
  code: "30101001-00001",
  name: "市场主体登记信息",
  providerUnitId: UNIT_B,
  providerName: "区市场监管局",
  classification: "department",
  subclass: "市场监管",
  format: "table",
  shareType: "conditional",
  openType: "none",
  updateCycle: "daily",
  publishedOn: "2022-01-10",
  version: 2,
  aggregatedRows: 123456,
};
