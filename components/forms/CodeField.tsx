"use client";

import type { ReactNode } from "react";
import { useWatch, type FieldValues } from "react-hook-form";
import { ControlledText } from "./controlled";

/**
 * The code (or name) that becomes part of an identifier and cannot change: typed without
 * autocompletion or spell checking, with its rule, an example and, live, the identifier it makes.
 */
export function CodeField({
  name,
  label,
  rule = "Minúsculas, dígitos y guiones",
  example,
  identifier,
  partOf = false,
  maxLength,
}: {
  name: string;
  label: ReactNode;
  rule?: string;
  example: string;
  /** The identifier, from the form's values. */
  identifier: (values: FieldValues) => ReactNode;
  /** "Será parte del identificador …" rather than "Su identificador será …". */
  partOf?: boolean;
  maxLength?: number;
}) {
  const values = useWatch();
  return (
    <ControlledText
      name={name}
      label={label}
      required
      autoComplete="off"
      spellCheck={false}
      maxLength={maxLength}
      help={
        <>
          {rule} (por ejemplo, <code>{example}</code>). {partOf ? "Será parte del identificador" : "Su identificador será"}{" "}
          <code>{identifier(values)}</code> y no podrá cambiarse.
        </>
      }
    />
  );
}
