/** 13812345678 → 138****5678; keeps enough to recognise a number, not to call it. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) {
    return phone;
  }
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : "****";
}

/** 18-digit ID number → first 6 and last 4 visible. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) {
    return id;
  }
  return id.length > 10 ? `${id.slice(0, 6)}********${id.slice(-4)}` : "****";
}
