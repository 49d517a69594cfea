import { checkServerEnv } from "@/lib/env";

/**
 * The portal refuses to start without a valid configuration: every secret from the environment,
 * https in production outside the demo. Each problem is named; nothing secret is printed.
 */
export function assertValidConfiguration(): void {
  const result = checkServerEnv(process.env);
  if (result.ok) {
    // Allowed, but weaker or probably a mistake: said at every start so that it is not forgotten.
    for (const w of result.warnings) console.warn(`Advertencia de configuración: ${w.variable}: ${w.message}.`);
    return;
  }
  console.error(
    "El portal no puede iniciar: su configuración no es válida.\n" +
      result.problems.map((p) => `  - ${p.variable}: ${p.message}`).join("\n") +
      "\nVea .env.example.",
  );
  process.exit(1);
}
