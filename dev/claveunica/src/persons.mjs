// Test persons of the ClaveÚnica emulator: loading, validation and RUN handling.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** Default persons file: dev/claveunica/persons.json. */
export const DEFAULT_PERSONS_FILE = fileURLToPath(new URL("../persons.json", import.meta.url));

const RUN_PATTERN = /^(\d{1,8})-([0-9Kk])$/;
/** One mailbox, loosely (the portal checks addresses itself): `local@domain.tld`, no spaces. */
const EMAIL_PATTERN = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * Splits "12345678-5" into the ClaveÚnica `RolUnico` shape.
 * Only the format is checked, never the check digit: the persons file holds
 * a person with a deliberately wrong check digit for negative tests.
 */
export function splitRun(run) {
  const match = RUN_PATTERN.exec(String(run).trim());
  if (!match) throw new Error(`RUN con formato inválido: ${JSON.stringify(run)}`);
  return { numero: Number(match[1]), DV: match[2].toUpperCase(), tipo: "RUN" };
}

/** "12345678-5" → "12.345.678-5" (display only). */
export function formatRun(run) {
  const { numero, DV } = splitRun(run);
  return `${String(numero).replace(/\B(?=(\d{3})+(?!\d))/g, ".")}-${DV}`;
}

export function fullName(person) {
  return [...person.nombres, ...person.apellidos].join(" ");
}

/** How Chileans usually say a name: first given name + first surname ("Ana Pérez"). */
export function shortName(person) {
  return `${person.nombres[0]} ${person.apellidos[0]}`;
}

function isNameList(value) {
  return Array.isArray(value) && value.length > 0
    && value.every((part) => typeof part === "string" && part.trim() !== "");
}

/** Checks the shape of a persons array and returns a normalised copy. Throws on error. */
export function validatePersons(persons) {
  if (!Array.isArray(persons) || persons.length === 0) {
    throw new Error("persons debe ser un arreglo no vacío");
  }
  const seen = new Set();
  return persons.map((person, index) => {
    const where = `persons[${index}]`;
    if (!person || typeof person !== "object") throw new Error(`${where} debe ser un objeto`);
    const { sub, run, nombres, apellidos, descripcion = "", email, sembrar } = person;
    if (typeof sub !== "string" || sub === "") throw new Error(`${where}.sub debe ser un texto no vacío`);
    if (seen.has(sub)) throw new Error(`${where}.sub repetido: ${sub}`);
    seen.add(sub);
    splitRun(run); // throws on a malformed RUN
    if (!isNameList(nombres)) throw new Error(`${where}.nombres debe ser un arreglo de textos`);
    if (!isNameList(apellidos)) throw new Error(`${where}.apellidos debe ser un arreglo de textos`);
    if (typeof descripcion !== "string") throw new Error(`${where}.descripcion debe ser texto`);
    if (email !== undefined && (typeof email !== "string" || !EMAIL_PATTERN.test(email))) throw new Error(`${where}.email debe ser una dirección de correo`);
    if (sembrar !== undefined && typeof sembrar !== "boolean") throw new Error(`${where}.sembrar debe ser true o false`);
    return {
      sub, run: String(run).trim().toUpperCase(), nombres: [...nombres], apellidos: [...apellidos], descripcion,
      ...(email !== undefined ? { email } : {}),
      ...(sembrar !== undefined ? { sembrar } : {}),
    };
  });
}

/** Reads and validates a persons JSON file (default: dev/claveunica/persons.json). */
export async function loadPersons(file = DEFAULT_PERSONS_FILE) {
  const text = await readFile(file, "utf8");
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: JSON inválido (${error.message})`);
  }
  return validatePersons(parsed);
}

/**
 * Claims as ClaveÚnica returns them from userinfo. oidc-provider hands out only those of the
 * scopes granted (`email` only with the `email` scope); a person without an address has none.
 */
export function claimsFor(person) {
  return {
    sub: person.sub,
    RolUnico: splitRun(person.run),
    name: { nombres: [...person.nombres], apellidos: [...person.apellidos] },
    ...(person.email ? { email: person.email } : {}),
  };
}
