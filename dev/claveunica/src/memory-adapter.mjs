// Minimal in-memory storage adapter for oidc-provider, one store per emulator
// instance (the built-in one is shared by the whole process and warns on start).
// Linear scans are fine: an emulator holds a handful of records.

// Models whose records die with their grant (as in oidc-provider's own adapter).
const GRANTABLE = new Set([
  "AccessToken",
  "AuthorizationCode",
  "RefreshToken",
  "DeviceCode",
  "BackchannelAuthenticationRequest",
  "PreAuthorizedCode",
]);

/** Returns an adapter factory for `new Provider(issuer, { adapter })`. */
export function createMemoryAdapter() {
  const store = new Map(); // `${model}:${id}` → { model, id, payload, expiresAt }

  function live(key) {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      store.delete(key);
      return undefined;
    }
    return entry;
  }

  function prune() {
    for (const key of store.keys()) live(key);
  }

  function findWhere(model, predicate) {
    for (const key of store.keys()) {
      const entry = live(key);
      if (entry && entry.model === model && predicate(entry.payload)) return entry.payload;
    }
    return undefined;
  }

  return (model) => ({
    async upsert(id, payload, expiresIn) {
      prune();
      const expiresAt = typeof expiresIn === "number" ? Date.now() + expiresIn * 1000 : undefined;
      store.set(`${model}:${id}`, { model, id, payload, expiresAt });
    },
    async find(id) {
      return live(`${model}:${id}`)?.payload;
    },
    async findByUid(uid) {
      return findWhere(model, (payload) => payload.uid === uid);
    },
    async findByUserCode(userCode) {
      return findWhere(model, (payload) => payload.userCode === userCode);
    },
    async consume(id) {
      const entry = live(`${model}:${id}`);
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    },
    async destroy(id) {
      store.delete(`${model}:${id}`);
    },
    async revokeByGrantId(grantId) {
      for (const [key, entry] of store) {
        if (GRANTABLE.has(entry.model) && entry.payload?.grantId === grantId) store.delete(key);
      }
    },
  });
}
