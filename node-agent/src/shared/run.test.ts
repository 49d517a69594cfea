import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeRunCheckDigit, formatRun, isCanonicalRun, parseRun, runFromParts } from "./run.ts";

const runNumber = fc.integer({ min: 1, max: 99_999_999 });
const DIGITS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "K"];

describe("computeRunCheckDigit", () => {
  it("matches known RUNs", () => {
    expect(computeRunCheckDigit(12_345_678)).toBe("5");
    expect(computeRunCheckDigit(11_111_111)).toBe("1");
    expect(computeRunCheckDigit(10_000_013)).toBe("K");
    expect(computeRunCheckDigit(6)).toBe("K");
    expect(computeRunCheckDigit(11)).toBe("6");
    expect(computeRunCheckDigit(1_000_013)).toBe("0");
  });

  it("refuses numbers out of range", () => {
    expect(() => computeRunCheckDigit(0)).toThrow(RangeError);
    expect(() => computeRunCheckDigit(100_000_000)).toThrow(RangeError);
    expect(() => computeRunCheckDigit(1.5)).toThrow(RangeError);
  });
});

describe("parseRun (property-based)", () => {
  it("every valid RUN round-trips through every way people write it", () => {
    fc.assert(
      fc.property(runNumber, fc.boolean(), fc.boolean(), fc.boolean(), (numero, dots, hyphen, lower) => {
        const dv = computeRunCheckDigit(numero);
        const canonical = `${numero}-${dv}`;
        let body = String(numero);
        if (dots) body = numero.toLocaleString("de-DE");
        const written = `${body}${hyphen ? "-" : ""}${lower ? dv.toLowerCase() : dv}`;
        const parsed = parseRun(`  ${written} `);
        expect(parsed).toEqual({ ok: true, run: canonical, numero, dv });
        expect(isCanonicalRun(canonical)).toBe(true);
        expect(parseRun(formatRun(canonical))).toEqual(parsed);
        expect(runFromParts(numero, dv)).toEqual(parsed);
      }),
    );
  });

  it("every wrong check digit is refused", () => {
    fc.assert(
      fc.property(runNumber, fc.constantFrom(...DIGITS), (numero, dv) => {
        fc.pre(dv !== computeRunCheckDigit(numero));
        expect(parseRun(`${numero}-${dv}`)).toEqual({ ok: false, reason: "check_digit" });
        expect(runFromParts(numero, dv)).toEqual({ ok: false, reason: "check_digit" });
        expect(isCanonicalRun(`${numero}-${dv}`)).toBe(false);
      }),
    );
  });

  it("refuses what is not a RUN", () => {
    for (const bad of ["", "-", "abc", "12345678-", "0-0", "123456789-1", "12.345.678-X", "1234-5678-5", "١٢٣-4"]) {
      expect(parseRun(bad)).toEqual({ ok: false, reason: "format" });
    }
    expect(runFromParts(Number.NaN, "1")).toEqual({ ok: false, reason: "format" });
    expect(runFromParts(-5, "1")).toEqual({ ok: false, reason: "format" });
  });

  it("canonical form has no leading zeros and upper-case K", () => {
    expect(parseRun("006-k")).toEqual({ ok: true, run: "6-K", numero: 6, dv: "K" });
    expect(isCanonicalRun("06-K")).toBe(false);
    expect(isCanonicalRun("6-k")).toBe(false);
  });

  it("formats with dots for people", () => {
    expect(formatRun("12345678-5")).toBe("12.345.678-5");
    expect(formatRun("6-K")).toBe("6-K");
  });
});
