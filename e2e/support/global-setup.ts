import { freePort } from "../../scripts/lib/postgres";
import { startStack } from "../../scripts/lib/stack";

/**
 * Starts the whole stack on free loopback ports with a throwaway database (or a fresh database
 * on the DATABASE_URL server) and fresh secrets. Tests read the URLs from the environment.
 * Returns the teardown.
 */
export default async function globalSetup() {
  const stack = await startStack({
    mode: "test",
    portalPort: await freePort(),
    emulatorPort: await freePort(),
    log: (l) => process.env.E2E_VERBOSE && console.log(l),
    portalOutput: process.env.E2E_VERBOSE ? "inherit" : "ignore",
  });
  process.env.E2E_BASE_URL = stack.portalUrl;
  process.env.E2E_ISSUER = stack.issuer;
  process.env.E2E_DATABASE_URL = stack.databaseUrl;
  // The mail catcher's REST API (e2e/support/mail.ts): tests always get one.
  process.env.E2E_MAIL_URL = stack.mailWebUrl ?? "";
  return async () => stack.stop();
}
