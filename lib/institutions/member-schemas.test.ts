import { describe, expect, it } from "vitest";
import { canonicalRun, RUN_MESSAGES, ZHeadOfServiceSet, ZMemberAdd, ZMemberUpdate, ZRunInPath } from "./member-schemas";

describe("a RUN typed in a form", () => {
  const add = (run: string) => ZMemberAdd.safeParse({ run, role: "INSTITUTION_STAFF", email: "persona@institucion.cl" });

  it("is taken with or without dots, with a lower-case k, and stored canonical", () => {
    for (const run of ["16543210-K", "16.543.210-k", " 16543210K "]) {
      expect(add(run).success, run).toBe(true);
      expect(canonicalRun(run)).toBe("16543210-K");
    }
  });

  it("with a wrong check digit, or not a RUN, is refused on the field `run`, saying why", () => {
    const wrong = add("16543210-1");
    expect(wrong.success).toBe(false);
    expect(wrong.error!.issues).toEqual([expect.objectContaining({ path: ["run"], message: RUN_MESSAGES.check_digit })]);
    expect(add("abc").error!.issues[0]!.message).toBe(RUN_MESSAGES.format);
    expect(canonicalRun("16543210-1")).toBeNull();
  });

  it("in a path, only the canonical shape (the check digit is the service's to check)", () => {
    expect(ZRunInPath.safeParse("16543210-K").success).toBe(true);
    expect(ZRunInPath.safeParse("16.543.210-K").success).toBe(false);
    expect(ZRunInPath.safeParse("16543210-k").success).toBe(false);
  });
});

describe("the other inputs", () => {
  it("a malformed institutional address is refused", () => {
    const r = ZMemberAdd.safeParse({ run: "16543210-K", role: "INSTITUTION_ADMIN", email: "persona@@institucion" });
    expect(r.error!.issues.map((i) => i.path)).toEqual([["email"]]);
  });

  it("a change names the role or the address", () => {
    expect(ZMemberUpdate.safeParse({}).success).toBe(false);
    expect(ZMemberUpdate.safeParse({ role: "INSTITUTION_ADMIN" }).success).toBe(true);
  });

  it("the head of service needs a reason of 10 to 500 characters; null leaves none", () => {
    expect(ZHeadOfServiceSet.safeParse({ run: "16543210-K", reason: "corto" }).success).toBe(false);
    expect(ZHeadOfServiceSet.safeParse({ run: "16543210-K", reason: "x".repeat(501) }).success).toBe(false);
    expect(ZHeadOfServiceSet.safeParse({ run: null, reason: "Oficio N° 12 de la institución" }).success).toBe(true);
  });
});
