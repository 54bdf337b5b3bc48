import { z } from "zod";

/**
 * A record id: an 8-4-4-4-12 hex string of any version, which is exactly what PostgreSQL's uuid type stores.
 * Deliberately not Id (strict RFC 9562 version and variant): ids written by older demo loads
 * (md5(…)::uuid) lack those bits, and a stored row must never make a response fail its schema.
 */
export const idOf = (message: string) => z.guid({ error: message });

export const Id = idOf("编号格式不正确");
