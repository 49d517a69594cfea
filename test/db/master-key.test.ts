import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { masterKeyFrom, unsealWith } from "@/lib/keys/seal";
import { ensurePortalKeys, publishedKeys } from "@/lib/keys/portal-keys";
import { getDb } from "@/lib/db";
import { rotateMasterKey } from "../../scripts/lib/master-key";

// docs/operations.md: rotating PISEE_MASTER_KEY re-seals the portal's keys; the keys (and so the
// nodes' trust anchor) stay the same.

const rows = () => getDb().portalKey.findMany({ select: { kid: true, encryptedPrivateKey: true }, orderBy: { kid: "asc" } });
const opens = (key: string, row: { kid: string; encryptedPrivateKey: Uint8Array }) => {
  try {
    unsealWith(masterKeyFrom(key), row.encryptedPrivateKey, `portal-key:${row.kid}`);
    return true;
  } catch {
    return false;
  }
};

describe("rotating the master key", () => {
  it("re-seals every portal key under the new one; the public keys do not change; a wrong current key changes nothing", async () => {
    await ensurePortalKeys();
    const current = process.env.PISEE_MASTER_KEY!;
    const next = crypto.randomBytes(32).toString("base64url");
    const before = await rows();
    const published = (await publishedKeys()).map((k) => k.kid).sort();
    expect(before.length).toBeGreaterThanOrEqual(2);

    await expect(rotateMasterKey(process.env.DATABASE_URL!, crypto.randomBytes(32).toString("base64url"), next)).rejects.toThrow(/no se abre con la clave maestra actual/);
    expect((await rows()).every((r) => opens(current, r))).toBe(true);

    try {
      expect(await rotateMasterKey(process.env.DATABASE_URL!, current, next)).toEqual({ keys: before.length });
      const after = await rows();
      expect(after.map((r) => r.kid)).toEqual(before.map((r) => r.kid));
      expect(after.every((r) => opens(next, r) && !opens(current, r))).toBe(true);
      expect((await publishedKeys()).map((k) => k.kid).sort()).toEqual(published);
    } finally {
      // Back to the run's key, for the other test files.
      await rotateMasterKey(process.env.DATABASE_URL!, next, current);
    }
    expect((await rows()).every((r) => opens(current, r))).toBe(true);
  });
});
