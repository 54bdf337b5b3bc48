import { randomInt } from "node:crypto";

// No 0/O or 1/I: the code is read out at the counter and typed from a phone screen.
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** A 10-character booking code (~50 bits): unguessable enough to stand in public URLs with a second factor. */
export function newBookingCode(): string {
  let out = "";
  for (let i = 0; i < 10; i++) {
    out += ALPHABET[randomInt(ALPHABET.length)];
  }
  return out;
}
