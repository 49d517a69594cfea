"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { isErrorCode, sendJson, type Issue } from "@/components/forms/api";
import { ChoiceGroup, RequiredNote, TextField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/FormErrorSummary";
import { byField, zodToIssues } from "@/components/forms/issues";
import { useFormIssues } from "@/components/forms/useFormIssues";
import { useHydrated } from "@/components/forms/useHydrated";
import { Alert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { ZNodeCreate, type TNode } from "@/lib/nodes/schemas";
import { ENVIRONMENT_HELP } from "./labels";
import { TokenPanel, type IssuedToken } from "./TokenPanel";

type Values = { name: string; environment: "" | "dev" | "prod"; baseUrl: string };

const LABELS: Record<string, string> = { name: "Nombre del nodo", environment: "Ambiente", baseUrl: "URL de red del nodo" };
const ENV_FIRST = "environment-dev";

const fieldOf = (path: string): string | undefined => {
  if (path === "name" || path === "baseUrl") return path;
  if (path === "environment") return ENV_FIRST;
  return undefined;
};
const labelOf = (field: string) => LABELS[field === ENV_FIRST ? "environment" : field];

/**
 * Registers a node of the institution (it starts pending). The answer carries the one-time
 * registration token, which replaces the form in a panel shown this once; the page itself never
 * holds it again (reloading it shows an empty form).
 */
export function NodeForm({ institution, portalUrl, listHref }: { institution: string; portalUrl: string; listHref: string }) {
  const hydrated = useHydrated();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [values, setValues] = useState<Values>({ name: "", environment: "dev", baseUrl: "" });
  const [issued, setIssued] = useState<(IssuedToken & { nodeName: string }) | null>(null);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));

  useEffect(() => {
    if (issued) headingRef.current?.focus();
  }, [issued]);

  const { issues, summaryTitle, attempt, show, showApiError, showIssues, clear } = useFormIssues(fieldOf, labelOf);
  const mutation = useMutation({
    mutationFn: (body: unknown) => sendJson<{ node: TNode; token: string; expiresAt: string }>("/api/v1/nodes", "POST", body),
    onSuccess: (r) => {
      clear();
      setIssued({ purpose: "register", token: r.token, expiresAt: r.expiresAt, node: { id: r.node.id, environment: r.node.environment, baseUrl: r.node.baseUrl }, nodeName: r.node.name });
    },
    onError: (err) => {
      if (isErrorCode(err, "node_exists")) {
        show("No se pudo registrar el nodo", [{ field: "name", message: `${LABELS.name}: ${err.message} Elija otro nombre.`, inline: `${err.message} Elija otro nombre.` }]);
      } else {
        showApiError(err, "No se pudo registrar el nodo");
      }
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (mutation.isPending) return;
    const body = { institution, name: values.name.trim(), environment: values.environment || undefined, baseUrl: values.baseUrl.trim() };
    const found: Issue[] = [];
    const parsed = ZNodeCreate.safeParse(body);
    if (!parsed.success) {
      // An empty text field says so plainly, rather than naming the format it lacks.
      const empty = (path: string) => (path === "name" || path === "baseUrl") && !body[path].trim();
      found.push(...zodToIssues(parsed.error, body).map((i) => (empty(i.path) ? { ...i, message: "Complete este campo." } : i)));
    }
    if (found.length) {
      showIssues(found);
      return;
    }
    clear();
    mutation.mutate(parsed.data);
  }

  if (issued) {
    const nodeHref = `/institucion/${institution}/nodos/${issued.nodeName}`;
    return (
      <div className="max-w-4xl">
        <Alert tone="success" title="Se dio de alta el nodo">
          <code>{issued.node.id}</code> quedó pendiente de registro en {ENVIRONMENT_LABELS[issued.node.environment].toLowerCase()}: se activará cuando el nodo presente sus
          claves con el token de abajo.
        </Alert>
        <TokenPanel issued={issued} portalUrl={portalUrl} headingRef={headingRef} />
        <p className="flex flex-wrap gap-x-6 gap-y-2 border-t border-line pt-6">
          <Link href={nodeHref}>Ir a la página del nodo</Link>
          <Link href={listHref}>Volver a los nodos</Link>
        </p>
      </div>
    );
  }

  const errors = byField(issues);
  return (
    <form onSubmit={submit} noValidate className="max-w-3xl">
      <FormErrorSummary title={summaryTitle} issues={issues} attempt={attempt} />
      <RequiredNote />
      <div className="space-y-6">
        <TextField
          id="name"
          label={LABELS.name}
          required
          value={values.name}
          onChange={(e) => set("name", e.target.value)}
          errors={errors.name}
          autoComplete="off"
          spellCheck={false}
          maxLength={32}
          help={
            <>
              Minúsculas, dígitos y guiones, hasta 32 caracteres, sin empezar con guion (por ejemplo, <code>nodo-1</code>). Su identificador será{" "}
              <code>
                {institution}/{values.name.trim() || "nombre"}
              </code>{" "}
              y no podrá cambiarse.
            </>
          }
        />
        <ChoiceGroup
          id="environment"
          type="radio"
          legend={LABELS.environment}
          required
          help="Un nodo pertenece a un solo ambiente: sus claves y acuerdos nunca se cruzan con el otro."
          errors={errors[ENV_FIRST]}
          options={(["dev", "prod"] as const).map((env) => ({ value: env, label: ENVIRONMENT_LABELS[env], help: ENVIRONMENT_HELP[env] }))}
          selected={values.environment ? [values.environment] : []}
          onToggle={(v) => set("environment", v as "dev" | "prod")}
        />
        <TextField
          id="baseUrl"
          label={LABELS.baseUrl}
          required
          type="url"
          inputMode="url"
          value={values.baseUrl}
          onChange={(e) => set("baseUrl", e.target.value)}
          errors={errors.baseUrl}
          autoComplete="off"
          spellCheck={false}
          help={
            <>
              La dirección pública del puerto de red del nodo, a la que los demás nodos enviarán sus mensajes (por ejemplo, <code>https://nodo.institucion.cl</code>).{" "}
              <strong>En producción debe ser https.</strong>
            </>
          }
        />
      </div>
      <div className="mt-8 flex flex-wrap items-center gap-4 border-t border-line pt-6">
        <Button type="submit" disabled={!hydrated || mutation.isPending} aria-busy={mutation.isPending}>
          {mutation.isPending ? "Registrando…" : "Registrar el nodo"}
        </Button>
        <Link href={listHref}>Cancelar</Link>
      </div>
    </form>
  );
}
