import { masterKeyFrom, sealWith, unsealWith } from "../../lib/keys/seal";
import { withClient } from "./postgres";

/**
 * Re-seals the portal's private keys under a new master key, in one transaction: every key is
 * first opened with the current one (nothing changes if one does not open), then sealed again.
 * The keys themselves do not change, so nodes keep their trust anchor. Afterwards every portal
 * instance must run with the new PISEE_MASTER_KEY.
 */
export async function rotateMasterKey(databaseUrl: string, current: string, next: string): Promise<{ keys: number }> {
  const [oldKey, newKey] = [masterKeyFrom(current), masterKeyFrom(next)];
  if (oldKey.equals(newKey)) throw new Error("La clave maestra nueva es igual a la actual.");
  return withClient(databaseUrl, async (db) => {
    await db.query("BEGIN");
    try {
      const { rows } = await db.query<{ kid: string; encrypted_private_key: Buffer }>("SELECT kid, encrypted_private_key FROM portal_key ORDER BY kid FOR UPDATE");
      for (const row of rows) {
        const aad = `portal-key:${row.kid}`;
        let plain: Buffer;
        try {
          plain = unsealWith(oldKey, row.encrypted_private_key, aad);
        } catch {
          throw new Error(`La clave ${row.kid} no se abre con la clave maestra actual: no se cambió nada.`);
        }
        await db.query("UPDATE portal_key SET encrypted_private_key = $1 WHERE kid = $2", [sealWith(newKey, plain, aad), row.kid]);
      }
      await db.query("COMMIT");
      return { keys: rows.length };
    } catch (err) {
      await db.query("ROLLBACK");
      throw err;
    }
  });
}
