import { ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import type { Environment } from "@/lib/generated/prisma/enums";

/**
 * Dates and numbers the way people in Chile read them: es-CL, in Chile's continental time
 * (America/Santiago) wherever the server or the browser runs, on a 24-hour clock like the
 * deadlines ("23:59"). Pages, notifications and e-mails all go through here.
 */
const number = new Intl.NumberFormat("es-CL");
const dateTime = new Intl.DateTimeFormat("es-CL", { dateStyle: "long", timeStyle: "short", hourCycle: "h23", timeZone: "America/Santiago" });
const date = new Intl.DateTimeFormat("es-CL", { dateStyle: "long", timeZone: "America/Santiago" });

export const formatNumber = (n: number) => number.format(n);
export const formatDateTime = (d: Date) => dateTime.format(d);
export const formatDate = (d: Date) => date.format(d);

/** An environment as every page names it ("Desarrollo", "Producción"), never its code ("dev"). */
export const environmentLabel = (environment: Environment) => ENVIRONMENT_LABELS[environment];

/** A service in a sentence (a notification's text): «Consulta de RUN» (Desarrollo). */
export const serviceInSentence = (name: string, environment: Environment) => `«${name}» (${environmentLabel(environment)})`;

/** "1 institución" / "3 instituciones". */
export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
