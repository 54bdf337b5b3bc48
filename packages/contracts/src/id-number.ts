/**
 * Resident ID numbers (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence,
 * one check character (ISO 7064 MOD 11-2). Shared by the server and the booking form.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

// Province-level codes of GB/T 2260. Only the province prefix is checked: people keep the number
// issued under a district code that was later merged or renamed, so a 2023 district list would
// refuse real numbers.
const PROVINCES = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "81",
  "82",
]);

export type IdNumberProblem = "format" | "region" | "birth_date" | "check_digit";

export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  format: "身份证号须为18位，前17位为数字，最后一位为数字或X",
  region: "身份证号前两位不是有效的省级行政区划代码",
  birth_date: "身份证号中的出生日期无效",
  check_digit: "身份证号校验位不正确，请核对后重新输入",
};

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARS[sum % 11] ?? "";
}

/** The first problem with an ID number, or null when it is valid; `today` is YYYY-MM-DD. */
export function checkIdNumber(raw: string, today: string): IdNumberProblem | null {
  const id = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) {
    return "format";
  }
  if (!PROVINCES.has(id.slice(0, 2))) {
    return "region";
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const iso = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || iso > today) {
    return "birth_date";
  }
  if (idCheckChar(id.slice(0, 17)) !== id[17]) {
    return "check_digit";
  }
  return null;
}

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
