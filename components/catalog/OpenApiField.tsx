"use client";

import { useDeferredValue, useMemo, useRef, useState, type ChangeEvent } from "react";
import { listEndpoints, parseOpenApiInput } from "@/lib/catalog/openapi-parse";
import { EndpointsTable } from "./EndpointsTable";
import { useController } from "react-hook-form";
import { describedBy, FieldError, Help, inputClass, useFieldErrors } from "@/components/forms/fields";

const MAX_FILE_BYTES = 900_000;

/**
 * The service's OpenAPI description: pasted as JSON or YAML, or loaded from a file, with a live
 * preview of its endpoints. The full validation against the official schema happens on saving.
 * The text is the form's value `id`.
 */
export function OpenApiField({ id }: { id: string }) {
  const { field } = useController({ name: id });
  const value = field.value as string;
  const onChange = (text: string) => field.onChange(text);
  const errors = useFieldErrors(id);
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileMessage, setFileMessage] = useState("");
  const deferred = useDeferredValue(value);
  const preview = useMemo(() => {
    if (!deferred.trim()) return null;
    const parsed = parseOpenApiInput(deferred);
    return parsed.ok ? { ok: true as const, endpoints: listEndpoints(parsed.document) } : { ok: false as const, problems: parsed.issues.map((i) => i.message) };
  }, [deferred]);
  const invalid = !!errors?.length;

  function loadFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileMessage(`El archivo ${file.name} es demasiado grande (máximo 900 KB).`);
      e.target.value = "";
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      onChange(String(reader.result ?? ""));
      setFileMessage(`Se cargó el archivo ${file.name} en el campo de texto.`);
      if (fileRef.current) fileRef.current.value = "";
    };
    reader.onerror = () => setFileMessage(`No se pudo leer el archivo ${file.name}.`);
    reader.readAsText(file);
  }

  return (
    <div className="space-y-4">
      <div>
        <label htmlFor={id} className="block font-medium">
          Descripción OpenAPI (JSON o YAML)
        </label>
        <Help id={id}>
          Pegue la descripción OpenAPI 3.0 o 3.1 del servicio, o cárguela desde un archivo. Puede guardar el borrador sin ella, pero es obligatoria para publicar.
          Al guardar se valida contra el esquema oficial de OpenAPI.
        </Help>
        <FieldError id={id} errors={errors} />
        <textarea
          id={id}
          name={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          rows={14}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy(id, true, errors)}
          className={`${inputClass(invalid)} font-mono text-sm`}
        />
      </div>
      <div>
        <label htmlFor={`${id}-archivo`} className="block font-medium">
          O cargue un archivo
        </label>
        <p id={`${id}-archivo-ayuda`} className="mt-1 text-sm text-ink-muted">
          Formatos .json, .yaml o .yml, hasta 900 KB. Su contenido reemplaza lo escrito en el campo de texto.
        </p>
        <input
          ref={fileRef}
          id={`${id}-archivo`}
          type="file"
          accept=".json,.yaml,.yml,application/json,application/yaml,text/yaml"
          onChange={loadFile}
          aria-describedby={`${id}-archivo-ayuda`}
          className="mt-1 block w-full text-sm file:mr-4 file:rounded file:border-2 file:border-primary file:bg-white file:px-3 file:py-1.5 file:font-medium file:text-primary"
        />
        <p role="status" className="mt-1 text-sm">
          {fileMessage}
        </p>
      </div>
      <section aria-labelledby={`${id}-vista-previa`} className="rounded-lg border border-line bg-surface p-4">
        <h3 id={`${id}-vista-previa`} className="text-lg font-bold">
          Endpoints (vista previa)
        </h3>
        <div aria-live="polite" className="mt-2">
          {preview === null ? (
            <p className="text-ink-muted">Cuando pegue o cargue la descripción, aquí verá sus endpoints.</p>
          ) : !preview.ok ? (
            <div>
              <p className="font-medium">No se puede leer el documento todavía:</p>
              <ul className="list-disc pl-5">
                {preview.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : preview.endpoints.length === 0 ? (
            <p>El documento no declara operaciones en «paths».</p>
          ) : (
            <p>{preview.endpoints.length === 1 ? "1 endpoint en el documento." : `${preview.endpoints.length} endpoints en el documento.`}</p>
          )}
        </div>
        {preview?.ok && preview.endpoints.length > 0 && <EndpointsTable endpoints={preview.endpoints} caption="Endpoints del documento (vista previa)" />}
      </section>
    </div>
  );
}
