import { describe, expect, it } from "vitest";
import { addBusinessDays, businessDaysBetween, deadlineAfter, endOfLocalDay, isBusinessDay, localDateOf } from "./business-days";

describe("business days in Chile", () => {
  it("knows national holidays and weekends", () => {
    expect(isBusinessDay("2026-09-18")).toBe(false); // Fiestas Patrias (Friday)
    expect(isBusinessDay("2026-05-01")).toBe(false); // Día del Trabajador
    expect(isBusinessDay("2026-12-25")).toBe(false); // Navidad
    expect(isBusinessDay("2026-10-12")).toBe(false); // Encuentro de Dos Mundos (Monday)
    expect(isBusinessDay("2026-11-28")).toBe(false); // Saturday
    expect(isBusinessDay("2026-11-26")).toBe(true); // Thursday
    expect(isBusinessDay("2026-12-31")).toBe(true); // bank holiday only: a business day for the State
  });

  it("counts 15 business days across weekends", () => {
    // Thursday 26 Nov 2026 → 15 business days later: Friday 18 Dec 2026 (8 Dec is a holiday).
    expect(addBusinessDays("2026-11-26", 15)).toBe("2026-12-18");
    expect(businessDaysBetween("2026-11-26", "2026-12-18")).toBe(15);
  });

  it("skips holidays: Fiestas Patrias week", () => {
    // From Monday 14 Sep 2026: 15 (Tue), 16 (Wed), 17 (Thu) are business days, 18 and 19 are not.
    expect(addBusinessDays("2026-09-14", 3)).toBe("2026-09-17");
    expect(addBusinessDays("2026-09-14", 4)).toBe("2026-09-21");
  });

  it("crosses the year", () => {
    // From Wednesday 30 Dec 2026: 31 Dec (business), 1 Jan (holiday), 4 Jan...
    expect(addBusinessDays("2026-12-30", 2)).toBe("2027-01-04");
  });

  it("ends a deadline at 23:59 in Santiago, in summer and in winter time", () => {
    expect(endOfLocalDay("2026-12-18").toISOString()).toBe("2026-12-19T02:59:59.999Z"); // UTC-3
    expect(endOfLocalDay("2026-07-15").toISOString()).toBe("2026-07-16T03:59:59.999Z"); // UTC-4
    expect(localDateOf(new Date("2026-12-19T02:59:59.999Z"))).toBe("2026-12-18");
    expect(localDateOf(new Date("2026-12-19T03:00:00.000Z"))).toBe("2026-12-19");
  });

  it("a request sent late at night counts from its date in Santiago", () => {
    // 23:30 on Friday 27 Nov in Santiago is already Saturday in UTC.
    const sent = new Date("2026-11-28T02:30:00Z");
    expect(localDateOf(sent)).toBe("2026-11-27");
    expect(deadlineAfter(sent, 5).toISOString()).toBe("2026-12-05T02:59:59.999Z"); // Fri 4 Dec 23:59 (UTC-3)
  });
});
