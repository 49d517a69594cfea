/** Runs once when the portal starts (Node.js runtime only): see lib/startup.ts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertValidConfiguration } = await import("@/lib/startup");
    assertValidConfiguration();
  }
}
