"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef, type FormEvent } from "react";
import { sendFile } from "@/components/forms/api";
import { describedBy, FieldError, Help } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/FormErrorSummary";
import { apiErrorToSummary, byField } from "@/components/forms/issues";
import { useFormIssues } from "@/components/forms/useFormIssues";
import { useHydrated } from "@/components/forms/useHydrated";
import { useDoneNotice } from "@/components/ui/useDoneNotice";
import { Button } from "@/components/ui/Button";
import type { TAgreement } from "@/lib/agreements/schemas";
import { useShowAgreement } from "./useAgreement";

const FIELD = "documento";
const LABEL = "Documento PDF";
const FAILED = "No se pudo adjuntar el documento";
const MAX_BYTES = 10 * 1024 * 1024;

const fieldOf = (path: string) => (path === "file" ? FIELD : undefined);
const labelOf = (field: string) => (field === FIELD ? LABEL : undefined);

/**
 * Attaches a PDF to the agreement (terms of its own, or a supporting document). Checks what it
 * can before sending (a file chosen, a PDF, at most 10 MB); the server checks the rest (the
 * file's content really is a PDF). Problems go to the summary and next to the field; the
 * agreement the API answers (with the new document) is what the page shows next.
 */
export function DocumentUpload({ agreementId }: { agreementId: string }) {
  const show = useShowAgreement();
  const hydrated = useHydrated();
  const inputRef = useRef<HTMLInputElement>(null);
  const { issues, summaryTitle, attempt, setIssues, show: showIssues } = useFormIssues(fieldOf, labelOf);
  const { notice, announce, clear: clearNotice } = useDoneNotice();

  const mutation = useMutation({
    mutationFn: (file: File) => sendFile<TAgreement>(`/api/v1/agreements/${agreementId}/documents`, file),
    onSuccess: (agreement, file) => {
      if (inputRef.current) inputRef.current.value = "";
      setIssues([]);
      announce(`Se adjuntó «${file.name}». Aparece en la lista de documentos del acuerdo; mientras la solicitud no esté aceptada, puede fijarse como los términos al aceptarla.`);
      show(agreement);
    },
    onError: (err) => {
      const summary = apiErrorToSummary(err, fieldOf, labelOf, FAILED);
      showIssues(summary.title === "Hay problemas con los datos ingresados" ? FAILED : summary.title, summary.issues);
    },
  });

  function fail(message: string) {
    showIssues(FAILED, [{ field: FIELD, message: `${LABEL}: ${message}`, inline: message }]);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (mutation.isPending) return;
    clearNotice();
    const file = inputRef.current?.files?.[0];
    if (!file) return fail("Elija un archivo PDF.");
    const looksPdf = file.type === "application/pdf" || (!file.type && /\.pdf$/i.test(file.name));
    if (!looksPdf) return fail(`Solo se aceptan documentos PDF; «${file.name}» no lo es.`);
    if (file.size === 0) return fail("El archivo está vacío.");
    if (file.size > MAX_BYTES) return fail("El archivo supera el máximo de 10 MB.");
    setIssues([]);
    mutation.mutate(file);
  }

  const errors = byField(issues)[FIELD];
  return (
    <form onSubmit={submit} noValidate aria-labelledby="titulo-adjuntar" className="mt-6 rounded-lg border border-line bg-surface p-4">
      <h3 id="titulo-adjuntar" className="mb-3 text-lg font-bold">
        Adjuntar un documento
      </h3>
      {notice}
      <FormErrorSummary id="adjuntar-errores" title={summaryTitle} issues={issues} attempt={attempt} />
      <label htmlFor={FIELD} className="block font-medium">
        {LABEL}
      </label>
      <Help id={FIELD}>Solo archivos PDF, de hasta 10 MB. Un PDF adjunto puede fijarse luego como los términos del acuerdo.</Help>
      <FieldError id={FIELD} errors={errors} />
      <input
        ref={inputRef}
        id={FIELD}
        name="file"
        type="file"
        accept="application/pdf,.pdf"
        aria-invalid={!!errors?.length || undefined}
        aria-describedby={describedBy(FIELD, true, errors)}
        className={`mt-1 block w-full rounded border bg-white px-3 py-2 ${errors?.length ? "border-2 border-danger" : "border-ink-muted"}`}
      />
      <Button type="submit" variant="secondary" className="mt-4" disabled={!hydrated || mutation.isPending} aria-busy={mutation.isPending}>
        {mutation.isPending ? "Adjuntando…" : "Adjuntar documento"}
      </Button>
    </form>
  );
}
