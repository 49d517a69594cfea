import { describe, expect, it } from "vitest";
import { ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { environmentLabel, formatDate, formatDateTime, formatNumber, serviceInSentence } from "./format";

describe("dates and times", () => {
  it("are es-CL in Chile's continental time, whatever the machine's zone, on a 24-hour clock", () => {
    // 03:30 UTC is 00:30 in Santiago in summer (UTC-3) and 23:30 the day before in winter (UTC-4).
    expect(formatDateTime(new Date("2026-01-15T03:30:00Z"))).toMatch(/^15 de enero de 2026\D+00:30$/);
    expect(formatDateTime(new Date("2026-07-15T03:30:00Z"))).toMatch(/^14 de julio de 2026\D+23:30$/);
    expect(formatDate(new Date("2026-07-15T03:30:00Z"))).toBe("14 de julio de 2026");
    expect(formatDateTime(new Date("2026-01-15T15:05:00Z"))).not.toMatch(/a\.\s?m\.|p\.\s?m\./);
  });
});

describe("numbers", () => {
  it("are es-CL", () => {
    expect(formatNumber(100000)).toBe("100.000");
    expect(formatNumber(99.9)).toBe("99,9");
  });
});

describe("environments", () => {
  it("have one name everywhere, notifications included: never the code", () => {
    expect(environmentLabel("dev")).toBe("Desarrollo");
    expect(environmentLabel("prod")).toBe("Producción");
    expect(ENVIRONMENT_LABELS.dev).toBe("Desarrollo");
    expect(serviceInSentence("Consulta de RUN", "dev")).toBe("«Consulta de RUN» (Desarrollo)");
    expect(serviceInSentence("Consulta de RUN", "prod")).not.toContain("prod)");
  });
});
