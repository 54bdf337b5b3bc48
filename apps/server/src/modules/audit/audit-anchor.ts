import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign as signBytes,
  verify as verifyBytes,
} from "node:crypto";
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from "node:fs";
import { z } from "zod";
import { canonicalJson } from "./audit-hash.ts";

/**
 * An anchor: one chain's head at one moment, signed with a key the database does not hold. Kept
 * outside the database, it lets `audit verify --anchors` notice a history rewritten consistently
 * (row, later hashes and head all recomputed), a deleted tail with its head moved back, or a
 * truncated log, none of which the chain alone can show.
 */
export const AuditAnchorSchema = z.object({
  kind: z.literal("zhengwu.audit.anchor"),
  v: z.literal(1),
  tenantId: z.string().min(1),
  tenantCode: z.string().min(1),
  chain: z.number().int().min(0),
  seq: z.number().int().min(1),
  head: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime({ offset: true }),
  sig: z.string().min(1),
});
export type AuditAnchor = z.infer<typeof AuditAnchorSchema>;
export type UnsignedAnchor = Omit<AuditAnchor, "sig">;

const signedBytes = (a: UnsignedAnchor) =>
  Buffer.from(
    canonicalJson({
      kind: a.kind,
      v: a.v,
      tenantId: a.tenantId,
      tenantCode: a.tenantCode,
      chain: a.chain,
      seq: a.seq,
      head: a.head,
      at: a.at,
    }),
  );

export function signAnchor(anchor: UnsignedAnchor, privateKey: KeyObject): AuditAnchor {
  return { ...anchor, sig: signBytes(null, signedBytes(anchor), privateKey).toString("base64") };
}

export function anchorSignatureValid(anchor: AuditAnchor, publicKey: KeyObject): boolean {
  return verifyBytes(null, signedBytes(anchor), publicKey, Buffer.from(anchor.sig, "base64"));
}

/** The public key as one line for the config: base64 of its SPKI DER form. */
export function publicKeyText(key: KeyObject): string {
  return key.export({ type: "spki", format: "der" }).toString("base64");
}

/** A new Ed25519 key pair: the private key as PKCS#8 PEM for its file, the public key as one line. */
export function generateAnchorKeys(): { privatePem: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privatePem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKey: publicKeyText(publicKey),
  };
}

function requireEd25519(key: KeyObject, what: string): KeyObject {
  if (key.asymmetricKeyType !== "ed25519") {
    throw new Error(`${what}不是 Ed25519 密钥（${key.asymmetricKeyType ?? "未知类型"}）`);
  }
  return key;
}

export function loadPrivateKey(file: string): KeyObject {
  let pem: string;
  try {
    pem = readFileSync(file, "utf8");
  } catch {
    throw new Error(`无法读取审计签名私钥 ${file}（ZHENGWU_AUDIT_KEY_FILE）`);
  }
  return requireEd25519(createPrivateKey(pem), `私钥文件 ${file} `);
}

/** Accepts the one-line base64 form `audit keygen` prints, or PEM text. */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  try {
    const key = trimmed.startsWith("-----BEGIN")
      ? createPublicKey(trimmed)
      : createPublicKey({ key: Buffer.from(trimmed, "base64"), format: "der", type: "spki" });
    return requireEd25519(key, "公钥");
  } catch (err) {
    if (err instanceof Error && err.message.includes("Ed25519")) {
      throw err;
    }
    throw new Error("公钥无法解析：应为 zhengwu audit keygen 打印的一行 base64，或 PEM 文本");
  }
}

/** Refuses a private key whose public half is not the configured one (a mixed-up file). */
export function checkKeyPair(privateKey: KeyObject, publicKey: KeyObject | undefined): void {
  if (publicKey && publicKeyText(createPublicKey(privateKey)) !== publicKeyText(publicKey)) {
    throw new Error("审计签名私钥与配置的公钥（ZHENGWU_AUDIT_PUBLIC_KEY）不是一对");
  }
}

/** Appends anchors as JSON lines and syncs them to disk before returning. */
export function appendAnchors(file: string, anchors: readonly AuditAnchor[]): void {
  if (anchors.length === 0) {
    return;
  }
  const fd = openSync(file, "a", 0o640);
  try {
    writeSync(fd, anchors.map((a) => `${JSON.stringify(a)}\n`).join(""));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export type ParsedAnchors = { anchors: AuditAnchor[]; badLine: number | null };

/** Reads an anchor file; the first line that is not an anchor stops the reading (named in `badLine`). */
export function parseAnchorLines(text: string): ParsedAnchors {
  const anchors: AuditAnchor[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? "";
    if (line === "") {
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return { anchors, badLine: i + 1 };
    }
    const parsed = AuditAnchorSchema.safeParse(json);
    if (!parsed.success) {
      return { anchors, badLine: i + 1 };
    }
    anchors.push(parsed.data);
  }
  return { anchors, badLine: null };
}
