import Holidays from "date-holidays";

/**
 * Business days in Chile: Monday to Friday except national public holidays (date-holidays,
 * country CL, type "public": no regional or bank holidays). Legal deadlines end at 23:59
 * America/Santiago of their last business day.
 */
export const TIME_ZONE = "America/Santiago";

const holidays = new Holidays("CL");
const byYear = new Map<number, Set<string>>();

function nationalHolidays(year: number): Set<string> {
  let set = byYear.get(year);
  if (!set) {
    set = new Set(holidays.getHolidays(year).filter((h) => h.type === "public").map((h) => h.date.slice(0, 10)));
    byYear.set(year, set);
  }
  return set;
}

/** A calendar date in Chile, as YYYY-MM-DD. */
export type LocalDate = string;

const parts = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** The date in Santiago at `instant`. */
export function localDateOf(instant: Date): LocalDate {
  return parts.format(instant);
}

function addCalendarDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isBusinessDay(date: LocalDate): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !nationalHolidays(Number(date.slice(0, 4))).has(date);
}

/** The `n`th business day after `date` (not counting `date` itself). */
export function addBusinessDays(date: LocalDate, n: number): LocalDate {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addCalendarDays(d, 1);
    if (isBusinessDay(d)) left--;
  }
  return d;
}

/** Business days from the day after `from` up to and including `to` (0 when `to` is not after `from`). */
export function businessDaysBetween(from: LocalDate, to: LocalDate): number {
  let n = 0;
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (isBusinessDay(d)) n++;
  return n;
}

const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, timeZoneName: "longOffset" });

/** Santiago's UTC offset in minutes at `instant` (-180 in summer, -240 in winter). */
function offsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The instant 23:59:59.999 of `date` in Santiago. */
export function endOfLocalDay(date: LocalDate): Date {
  const guess = new Date(`${date}T23:59:59.999Z`);
  const first = new Date(guess.getTime() - offsetMinutes(guess) * 60_000);
  // Around a DST change the offset at the result may differ from the guess's: settle on it.
  return new Date(guess.getTime() - offsetMinutes(first) * 60_000);
}

/** The deadline `n` business days after `instant`: the end of that day in Santiago. */
export function deadlineAfter(instant: Date, n: number): Date {
  return endOfLocalDay(addBusinessDays(localDateOf(instant), n));
}
