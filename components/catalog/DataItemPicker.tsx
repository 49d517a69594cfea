"use client";

import { useQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useController } from "react-hook-form";
import type { TDataItemPage } from "@/lib/data-directory/schemas";
import { getJson } from "@/components/forms/api";
import { describedBy, FieldError, Help, inputClass, useFieldErrors } from "@/components/forms/fields";
import { ClassificationBadge, StatusBadge } from "./StatusBadge";
import { useDebounced } from "./useDebounced";

import type { DataItemBrief } from "./form-values";

const MIN_CHARS = 2;
const RESULTS = 10;

/** Published and deprecated items, plus the drafts of the person's own institutions. */
async function searchItems(q: string, signal: AbortSignal): Promise<DataItemBrief[]> {
  const base = `/api/v1/data-items?q=${encodeURIComponent(q)}&pageSize=${RESULTS}`;
  const [visible, drafts] = await Promise.all([getJson<TDataItemPage>(base, signal), getJson<TDataItemPage>(`${base}&status=DRAFT`, signal)]);
  return [...visible.data, ...drafts.data].map(({ id, name, classification, status }) => ({ id, name, classification, status }));
}

/**
 * Chooses data items of the Directorio de Datos: a labelled search (debounced, against the public
 * API) whose results can be added, and the chosen ones, each with a "Quitar" button. A live
 * region announces how many results there are. The chosen items are the form's value `id`.
 */
export function DataItemPicker({ id, legend, help }: { id: string; legend: string; help: string }) {
  const { field } = useController({ name: id });
  const selected = field.value as DataItemBrief[];
  const onChange = (items: DataItemBrief[]) => field.onChange(items);
  const errors = useFieldErrors(id);
  const [text, setText] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const searchRef = useRef<HTMLInputElement>(null);
  const q = useDebounced(text.trim(), 300);
  const enabled = q.length >= MIN_CHARS;
  const results = useQuery({ queryKey: ["data-item-picker", q], queryFn: ({ signal }) => searchItems(q, signal), enabled, staleTime: 10_000 });
  const invalid = !!errors?.length;
  const chosen = new Set(selected.map((s) => s.id));

  let status: string;
  if (text.trim().length < MIN_CHARS) status = `Escriba al menos ${MIN_CHARS} letras para buscar.`;
  else if (!enabled || results.isFetching) status = "Buscando…";
  else if (results.isError) status = "No se pudo buscar en el Directorio de Datos. Intente nuevamente.";
  else {
    const n = results.data?.length ?? 0;
    status = n === 0 ? `No se encontraron datos para «${q}».` : n === 1 ? "1 dato encontrado." : `${n} datos encontrados.`;
  }

  function add(item: DataItemBrief) {
    if (!chosen.has(item.id)) onChange([...selected, item]);
    setAnnouncement(`Se agregó «${item.name}» a ${legend.toLowerCase()}.`);
    searchRef.current?.focus();
  }
  function remove(item: DataItemBrief) {
    onChange(selected.filter((s) => s.id !== item.id));
    setAnnouncement(`Se quitó «${item.name}» de ${legend.toLowerCase()}.`);
    searchRef.current?.focus();
  }

  return (
    <fieldset aria-describedby={describedBy(id, true, errors)} className={`rounded-lg border p-4 ${invalid ? "border-2 border-danger" : "border-line"}`}>
      <legend className="px-1 text-lg font-bold">{legend}</legend>
      <Help id={id}>{help}</Help>
      <FieldError id={id} errors={errors} />

      <h3 id={`${id}-elegidos`} className="mt-3 font-sans text-base font-bold text-ink">
        Elegidos ({selected.length})
      </h3>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {selected.length === 0 ? (
        <p className="text-ink-muted">Aún no ha elegido datos.</p>
      ) : (
        <ul aria-labelledby={`${id}-elegidos`} className="mt-1 divide-y divide-line rounded border border-line bg-white">
          {selected.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
              <span className="font-medium">{item.name}</span>
              <code className="text-sm text-ink-muted">{item.id}</code>
              <ClassificationBadge classification={item.classification} />
              {item.status !== "PUBLISHED" && <StatusBadge status={item.status} />}
              <button type="button" onClick={() => remove(item)} className="ml-auto rounded border-2 border-primary px-3 py-1 text-sm font-medium text-primary hover:bg-primary-light">
                Quitar<span className="sr-only"> {item.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}

      <div className="mt-4">
        <label htmlFor={id} className="block font-medium">
          Buscar en el Directorio de Datos
        </label>
        <input
          ref={searchRef}
          id={id}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          // Enter searches here; it must not submit the whole form.
          onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
          autoComplete="off"
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-estado`}
          aria-controls={`${id}-resultados`}
          className={inputClass(invalid)}
        />
        <p id={`${id}-estado`} role="status" className="mt-1 text-sm text-ink-muted">
          {status}
        </p>
        <ul id={`${id}-resultados`} aria-label={`Resultados de la búsqueda: ${legend.toLowerCase()}`} className="mt-1 divide-y divide-line">
          {enabled &&
            !results.isFetching &&
            results.data?.map((item) => (
              <li key={item.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                <span className="font-medium">{item.name}</span>
                <code className="text-sm text-ink-muted">{item.id}</code>
                <ClassificationBadge classification={item.classification} />
                {item.status !== "PUBLISHED" && <StatusBadge status={item.status} />}
                {chosen.has(item.id) ? (
                  <span className="ml-auto text-sm font-medium text-success">Elegido</span>
                ) : (
                  <button type="button" onClick={() => add(item)} className="ml-auto rounded border-2 border-primary bg-primary px-3 py-1 text-sm font-medium text-white hover:bg-primary-dark">
                    Agregar<span className="sr-only"> {item.name}</span>
                  </button>
                )}
              </li>
            ))}
        </ul>
      </div>
    </fieldset>
  );
}
