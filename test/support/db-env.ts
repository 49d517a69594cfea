import crypto from "node:crypto";
import { inject } from "vitest";

// The portal's configuration for in-process tests: the run's database and fresh secrets.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_URL = "http://localhost:3999";
process.env.NEXTAUTH_SECRET = crypto.randomBytes(48).toString("base64url");
process.env.CLAVEUNICA_ISSUER = "http://127.0.0.1:4999";
process.env.CLAVEUNICA_CLIENT_ID = "pisee-portal";
process.env.CLAVEUNICA_CLIENT_SECRET = crypto.randomBytes(32).toString("base64url");
process.env.CLAVEUNICA_LOGOUT_URL = "http://127.0.0.1:4999/api/v1/accounts/app/logout";
process.env.PISEE_MASTER_KEY = inject("masterKey");
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? "silent";
process.env.PISEE_CHECK_RESPONSES = "1";
