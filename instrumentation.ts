/** Runs once when the portal starts (Node.js runtime only): configuration check, then scheduled jobs. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { assertValidConfiguration } = await import("@/lib/startup");
    assertValidConfiguration();
    const { startBackgroundJobs } = await import("@/lib/jobs");
    void startBackgroundJobs();
  }
}
