import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with its default cost: ~30–60 ms per hash here.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verified against when the user does not exist, so a miss costs as much as a wrong password.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash("not-a-real-password-0");
  return dummyHash;
}
