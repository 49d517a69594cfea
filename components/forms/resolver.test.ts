import type { FieldValues, ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { ZDataItemCreate } from "@/lib/data-directory/schemas";
import { ZNodeCreate } from "@/lib/nodes/schemas";
import { ZServiceUpdate } from "@/lib/catalog/schemas";
import { parseNumberInput } from "./form-values";
import { apiResolver, checkResolver, errorsToIssues } from "./resolver";

const options = (names: string[] = []) => ({ fields: {}, names, shouldUseNativeValidation: false, criteriaMode: "firstError" }) as unknown as ResolverOptions<FieldValues>;

async function issuesOf(resolver: ReturnType<typeof apiResolver<FieldValues>>, values: FieldValues, names?: string[]) {
  const { errors } = await resolver(values, undefined, options(names));
  return errorsToIssues(errors);
}

describe("parseNumberInput", () => {
  it("reads what people type, a decimal comma included; empty is no value", () => {
    expect(parseNumberInput("99,5")).toBe(99.5);
    expect(parseNumberInput(" 20 ")).toBe(20);
    expect(parseNumberInput("")).toBeUndefined();
    expect(parseNumberInput("  ")).toBeUndefined();
    expect(parseNumberInput("abc")).toBeNaN();
  });
});

describe("apiResolver", () => {
  const service = apiResolver(ZServiceUpdate, (v: FieldValues) => ({ name: v.name, tps: parseNumberInput(v.tps), availability: parseNumberInput(v.availability), approvalPolicy: v.approvalPolicy || undefined }));

  it("validates what the form would send with the API's schema, in the schema's words", async () => {
    expect(await issuesOf(service, { name: "ab", tps: "1,5", availability: "99.5", approvalPolicy: "MANUAL" })).toEqual([
      { path: "name", message: "El nombre debe tener al menos 3 caracteres" },
      { path: "tps", message: "Debe ser un número entero" },
    ]);
    expect(await issuesOf(service, { name: "Nombre", tps: "10", availability: "99,5", approvalPolicy: "MANUAL" })).toEqual([]);
  });

  it("says plainly that a value is missing, or that an option must be chosen", async () => {
    const create = apiResolver(ZDataItemCreate, (v: FieldValues) => ({ institution: "SRCEI", code: v.code.trim(), name: "Nombre", description: "Una descripción suficiente.", attributes: [{ name: "a", type: "string" }], classification: v.classification || undefined, nature: v.nature }));
    const found = await issuesOf(create, { code: " fecha-x ", classification: "", nature: "" });
    expect(found).toContainEqual({ path: "classification", message: "Elija una opción." });
    expect(found).toContainEqual({ path: "nature", message: "Elija una opción." });
    expect(found).toContainEqual({ path: "responsibleRun", message: "Complete este campo." });
    expect(found.some((i) => i.path === "code")).toBe(false);
  });

  it("keeps the order zod found the problems in, an array's own problem included", async () => {
    const create = apiResolver(ZDataItemCreate, (v: FieldValues) => ({ institution: "SRCEI", code: "dato", name: v.name, description: "Una descripción suficiente.", attributes: v.attributes, classification: "PERSONAL", responsibleRun: "12345678-5", updateFrequency: "DIARIA", nature: "MAESTRO" }));
    const names = ["name", "attributes.0.name", "attributes.1.name"];
    expect(await issuesOf(create, { name: "x", attributes: [{ name: "a", type: "string" }, { name: "a", type: "string" }] }, names)).toEqual([
      { path: "name", message: "El nombre debe tener al menos 3 caracteres" },
      { path: "attributes", message: "Hay atributos con el mismo nombre" },
    ]);
    expect(await issuesOf(create, { name: "Nombre", attributes: [{ name: "a", type: "string" }, { name: "a", type: "string" }] }, names)).toEqual([
      { path: "attributes", message: "Hay atributos con el mismo nombre" },
    ]);
    expect(await issuesOf(create, { name: "Nombre", attributes: [{ name: "a", type: "string" }, { name: "1x", type: "nada" }] }, names)).toEqual([
      { path: "attributes.1.name", message: "Nombre de atributo inválido (letras, dígitos, _ . -)" },
      { path: "attributes.1.type", message: expect.stringContaining("Opción inválida") },
    ]);
  });

  it("blankIsMissing: a blank text field says 'Complete este campo.' whatever the pattern says", async () => {
    const node = apiResolver(ZNodeCreate, (v: FieldValues) => ({ institution: "SRCEI", name: v.name.trim(), environment: "prod", baseUrl: v.baseUrl.trim() }), { blankIsMissing: ["name", "baseUrl"] });
    expect(await issuesOf(node, { name: "  ", baseUrl: "" })).toEqual([
      { path: "name", message: "Complete este campo." },
      { path: "baseUrl", message: "Complete este campo." },
    ]);
    expect(await issuesOf(node, { name: "Nodo Uno", baseUrl: "http://127.0.0.1:9" })).toEqual([
      { path: "name", message: expect.stringContaining("Nombre inválido") },
      { path: "baseUrl", message: expect.stringContaining("https://") },
    ]);
  });

  it("more: a check of the page's own, added after the schema's and only where the schema found nothing", async () => {
    const limited = apiResolver(ZServiceUpdate, (v: FieldValues) => ({ tps: parseNumberInput(v.tps) }), {
      more: (v) => (Number(v.tps) > 50 ? [{ path: "tps", message: "Excede las 50 TPS." }] : []),
    });
    expect(await issuesOf(limited, { tps: "60" })).toEqual([{ path: "tps", message: "Excede las 50 TPS." }]);
    expect(await issuesOf(limited, { tps: "200000" })).toEqual([{ path: "tps", message: "Máximo 100.000" }]);
  });
});

describe("checkResolver", () => {
  it("turns the issues a check finds into the form's errors", async () => {
    const reason = checkResolver((v: FieldValues) => (String(v.reason).trim().length < 3 ? [{ path: "reason", message: "Indique el motivo." }] : []));
    expect(await issuesOf(reason, { reason: " a " })).toEqual([{ path: "reason", message: "Indique el motivo." }]);
    expect(await issuesOf(reason, { reason: "Servidor dado de baja." })).toEqual([]);
  });
});
