/** Dates and numbers the way people in Chile read them. */
const number = new Intl.NumberFormat("es-CL");
const dateTime = new Intl.DateTimeFormat("es-CL", { dateStyle: "long", timeStyle: "short", timeZone: "America/Santiago" });
const date = new Intl.DateTimeFormat("es-CL", { dateStyle: "long", timeZone: "America/Santiago" });

export const formatNumber = (n: number) => number.format(n);
export const formatDateTime = (d: Date) => dateTime.format(d);
export const formatDate = (d: Date) => date.format(d);

/** "1 institución" / "3 instituciones". */
export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
