import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumberInput, hasAtMostDecimals, parseNumber } from "./number";

describe("parseNumber", () => {
  it("reads a decimal comma and a decimal point alike", () => {
    expect(parseNumber("99,9")).toBe(99.9);
    expect(parseNumber("99.9")).toBe(99.9);
    expect(parseNumber("99,5")).toBe(99.5);
    expect(parseNumber(" 99,95 ")).toBe(99.95);
    expect(parseNumber("0,5")).toBe(0.5);
    expect(parseNumber(",5")).toBe(0.5);
    expect(parseNumber("100")).toBe(100);
  });

  it("reads dots between thousands in a count", () => {
    expect(parseNumber("5.000", { integer: true })).toBe(5000);
    expect(parseNumber("1.234.567", { integer: true })).toBe(1234567);
    expect(parseNumber("100.000", { integer: true })).toBe(100000);
    expect(parseNumber("5 000", { integer: true })).toBe(5000);
    expect(parseNumber("5000", { integer: true })).toBe(5000);
  });

  it("keeps a single dot as the decimal point in a decimal field, and reads both marks", () => {
    expect(parseNumber("5.000")).toBe(5);
    expect(parseNumber("1.234,5")).toBe(1234.5);
    expect(parseNumber("1.234.567,25")).toBe(1234567.25);
  });

  it("says nothing for an empty field, NaN for what is not a number", () => {
    expect(parseNumber("")).toBeUndefined();
    expect(parseNumber("   ")).toBeUndefined();
    for (const bad of ["abc", "99,9,9", "1.2.3", "12.34.5", "5.", "5,", ".", ",", "1e3", "--1", "5.00,1", "5 %"]) expect(parseNumber(bad), bad).toBeNaN();
    expect(parseNumber("12.34", { integer: true })).toBe(12.34); // not a count: the field's check says "entero"
  });

  it("is never 999 for 99,9 (the bug: the comma was dropped)", () => {
    expect(parseNumber("99,9", { integer: true })).toBe(99.9);
  });
});

describe("formatNumberInput", () => {
  it("shows es-CL numbers", () => {
    expect(formatNumberInput(99.9)).toBe("99,9");
    expect(formatNumberInput(5000, { integer: true })).toBe("5.000");
    expect(formatNumberInput(1234.5)).toBe("1234,5");
    expect(formatNumberInput(null)).toBe("");
  });
});

describe("hasAtMostDecimals", () => {
  it("counts the decimals as typed, not the floating point's", () => {
    for (const ok of [1.13, 0.07, 99.99, 99.9, 100, 0.01]) expect(hasAtMostDecimals(ok, 2), String(ok)).toBe(true);
    for (const bad of [99.999, 0.001, 1.125]) expect(hasAtMostDecimals(bad, 2), String(bad)).toBe(false);
  });
});

describe("parseNumber properties", () => {
  // What a form holds: up to six decimals (an availability has two).
  const decimal = fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 })).map(([digits, decimals]) => digits / 10 ** decimals).filter((x) => !String(x).includes("e"));
  const count = fc.integer({ min: -1e12, max: 1e12 });

  it("reads back what the fields show", () => {
    fc.assert(fc.property(count, (n) => parseNumber(formatNumberInput(n, { integer: true }), { integer: true }) === n));
    fc.assert(fc.property(decimal, (x) => parseNumber(formatNumberInput(x)) === x));
  });

  it("reads a decimal typed with a point or a comma as the same number", () => {
    fc.assert(
      fc.property(decimal, (x) => {
        const typed = String(x);
        return parseNumber(typed) === parseNumber(typed.replace(".", ",")) && parseNumber(typed) === x + 0;
      }),
    );
  });

  it("reads a count typed with or without thousands as the same number", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        const grouped = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
        return parseNumber(grouped, { integer: true }) === n && parseNumber(String(n), { integer: true }) === n;
      }),
    );
  });

  it("never throws, and gives undefined only for an empty field", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = parseNumber(s);
        return n === undefined ? s.trim() === "" : typeof n === "number";
      }),
    );
  });
});
