import { JoseError } from "./errors.ts";

/**
 * I-JSON (RFC 7493): JSON.parse, then refuse what it silently accepts: an object member
 * repeated (anywhere; JSON.parse keeps the last one) and strings, keys included, with a lone
 * surrogate (escaped or raw). Nesting deeper than MAX_DEPTH is refused too.
 */
export const MAX_DEPTH = 64;

export function parseIJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new JoseError("jose.malformed", "JSON inválido");
  }
  refuseDuplicateMembers(text);
  refuseLoneSurrogates(value);
  return value;
}

const QUOTE_OR_BACKSLASH = /["\\]/g;

/** Index of the quote closing the string token that opens at `start` (text is valid JSON). */
function endOfString(text: string, start: number): number {
  QUOTE_OR_BACKSLASH.lastIndex = start + 1;
  for (;;) {
    const m = QUOTE_OR_BACKSLASH.exec(text);
    if (!m) throw new JoseError("jose.malformed", "JSON inválido");
    if (text.charCodeAt(m.index) === 0x22) return m.index;
    QUOTE_OR_BACKSLASH.lastIndex = m.index + 2; // skip the escaped character
  }
}

/** Walks the tokens of already-validated JSON keeping, per open object, the set of its member names. */
function refuseDuplicateMembers(text: string): void {
  const open: (Set<string> | null)[] = []; // one entry per open object (its names) or array (null)
  let expectName = false;
  for (let i = 0; i < text.length; i++) {
    switch (text.charCodeAt(i)) {
      case 0x22: {
        const end = endOfString(text, i);
        const names = open[open.length - 1];
        if (expectName && names) {
          const name = JSON.parse(text.slice(i, end + 1)) as string;
          if (names.has(name)) throw new JoseError("jose.duplicate_member", "Miembro duplicado en un objeto JSON");
          names.add(name);
          expectName = false;
        }
        i = end;
        break;
      }
      case 0x7b: // {
      case 0x5b: // [
        open.push(text.charCodeAt(i) === 0x7b ? new Set() : null);
        if (open.length > MAX_DEPTH) throw new JoseError("jose.malformed", "JSON demasiado anidado");
        expectName = open[open.length - 1] !== null;
        break;
      case 0x7d: // }
      case 0x5d: // ]
        open.pop();
        expectName = false;
        break;
      case 0x2c: // ,
        expectName = open[open.length - 1] instanceof Set;
        break;
    }
  }
}

/** In a `u` regex a surrogate class matches only surrogates that are not part of a pair. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

function refuseLoneSurrogates(value: unknown): void {
  if (typeof value === "string") {
    if (LONE_SURROGATE.test(value)) throw new JoseError("jose.malformed", "Cadena con un sustituto (surrogate) aislado");
  } else if (Array.isArray(value)) {
    for (const item of value) refuseLoneSurrogates(item);
  } else if (value !== null && typeof value === "object") {
    for (const [name, item] of Object.entries(value)) {
      refuseLoneSurrogates(name);
      refuseLoneSurrogates(item);
    }
  }
}
