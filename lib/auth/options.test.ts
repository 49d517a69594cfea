import { beforeAll, describe, expect, it } from "vitest";
import type { NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";

let options: NextAuthOptions;

beforeAll(async () => {
  Object.assign(process.env, {
    DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db",
    NEXTAUTH_URL: "http://localhost:3000",
    NEXTAUTH_SECRET: "Zk3q9V7x1LmR2pT8wY4nB6cD0eF5gH7jK9",
    CLAVEUNICA_ISSUER: "http://127.0.0.1:4010",
    CLAVEUNICA_CLIENT_ID: "pisee-portal",
    CLAVEUNICA_CLIENT_SECRET: "0123456789abcdef0123",
    CLAVEUNICA_LOGOUT_URL: "http://127.0.0.1:4010/api/v1/accounts/app/logout",
    PISEE_MASTER_KEY: "q3Zk1c9V7x1LmR2pT8wY4nB6cD0eF5gH7jK9aQwErTy",
  });
  options = (await import("./options")).authOptions();
});

describe("the session token", () => {
  it("keeps only the RUN, the name, the session id and the sign-in time: never the e-mail address", async () => {
    const user = { id: "11111111-1", valid: true, run: "11111111-1", givenNames: "Ana María", familyNames: "Pérez Soto", name: "Ana María Pérez Soto", email: "ana@example.com" };
    // What next-auth passes at sign-in: a token seeded from the user.
    const seeded: JWT = { name: user.name, email: user.email, picture: null, sub: user.id };
    const token = (await options.callbacks!.jwt!({ token: seeded, user: user as never, account: null, trigger: "signIn" } as never)) as JWT;
    expect(Object.keys(token).sort()).toEqual(["name", "sid", "signedInAt", "sub"]);
    expect(token).toMatchObject({ sub: "11111111-1", name: "Ana María Pérez Soto" });
  });
});
