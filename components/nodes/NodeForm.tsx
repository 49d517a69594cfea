"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { ApiForm, SubmitRow, useApiForm } from "@/components/forms/ApiForm";
import { isErrorCode, sendJson } from "@/components/forms/api";
import { CodeField } from "@/components/forms/CodeField";
import { ControlledChoices, ControlledText } from "@/components/forms/controlled";
import { apiResolver } from "@/components/forms/resolver";
import { DoneNotice } from "@/components/ui/useDoneNotice";
import { ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { ZNodeCreate, type TNode } from "@/lib/nodes/schemas";
import { ENVIRONMENT_HELP } from "./labels";
import { TokenPanel, type IssuedToken } from "./TokenPanel";

type Values = { name: string; environment: "" | "dev" | "prod"; baseUrl: string };

const LABELS: Record<string, string> = { name: "Nombre del nodo", environment: "Ambiente", baseUrl: "URL de red del nodo" };
const FAILED = "No se pudo registrar el nodo";

const fieldOf = (path: string): string | undefined => {
  if (path === "name" || path === "baseUrl") return path;
  if (path === "environment") return "environment-dev";
  return undefined;
};

/**
 * Registers a node of the institution (it starts pending). The answer carries the one-time
 * registration token, which replaces the form in a panel shown this once; the page itself never
 * holds it again (reloading it shows an empty form).
 */
export function NodeForm({ institution, portalUrl, listHref }: { institution: string; portalUrl: string; listHref: string }) {
  const noticeRef = useRef<HTMLDivElement>(null);
  const [issued, setIssued] = useState<(IssuedToken & { nodeName: string }) | null>(null);
  const bodyOf = (v: Values) => ({ institution, name: v.name.trim(), environment: v.environment || undefined, baseUrl: v.baseUrl.trim() });

  useEffect(() => {
    if (issued) noticeRef.current?.focus();
  }, [issued]);

  const api = useApiForm({
    defaultValues: { name: "", environment: "dev", baseUrl: "" } as Values,
    // An empty text field says so plainly, rather than naming the format it lacks.
    resolver: apiResolver(ZNodeCreate, bodyOf, { blankIsMissing: ["name", "baseUrl"] }),
    fieldOf,
    labelOf: (field) => LABELS[field.split("-")[0]!],
    send: (body) => sendJson<{ node: TNode; token: string; expiresAt: string }>("/api/v1/nodes", "POST", body),
    onSent: (r) => {
      api.summary.clear();
      setIssued({ purpose: "register", token: r.token, expiresAt: r.expiresAt, node: { id: r.node.id, environment: r.node.environment, baseUrl: r.node.baseUrl }, nodeName: r.node.name });
    },
    onError: (err, summary) => {
      if (isErrorCode(err, "node_exists")) summary.show(FAILED, [{ field: "name", message: `${LABELS.name}: ${err.message} Elija otro nombre.`, inline: `${err.message} Elija otro nombre.` }]);
      else summary.showApiError(err, FAILED);
    },
  });
  const onSubmit = api.submit((values) => api.send(bodyOf(values)));

  if (issued) {
    const nodeHref = `/institucion/${institution}/nodos/${issued.nodeName}`;
    return (
      <div className="max-w-4xl">
        <DoneNotice ref={noticeRef} title="Se dio de alta el nodo">
          <code>{issued.node.id}</code> quedó pendiente de registro en {ENVIRONMENT_LABELS[issued.node.environment].toLowerCase()}: se activará cuando el nodo presente sus
          claves con el token de abajo. Cópielo ahora: se muestra una sola vez.
        </DoneNotice>
        <TokenPanel issued={issued} portalUrl={portalUrl} />
        <p className="flex flex-wrap gap-x-6 gap-y-2 border-t border-line pt-6">
          <Link href={nodeHref}>Ir a la página del nodo</Link>
          <Link href={listHref}>Volver a los nodos</Link>
        </p>
      </div>
    );
  }

  return (
    <ApiForm api={api} onSubmit={onSubmit}>
      <div className="space-y-6">
        <CodeField
          name="name"
          label={LABELS.name}
          rule="Minúsculas, dígitos y guiones, hasta 32 caracteres, sin empezar con guion"
          example="nodo-1"
          identifier={(v) => `${institution}/${v.name.trim() || "nombre"}`}
          maxLength={32}
        />
        <ControlledChoices
          name="environment"
          type="radio"
          legend={LABELS.environment}
          required
          help="Un nodo pertenece a un solo ambiente: sus claves y acuerdos nunca se cruzan con el otro."
          options={(["dev", "prod"] as const).map((env) => ({ value: env, label: ENVIRONMENT_LABELS[env], help: ENVIRONMENT_HELP[env] }))}
        />
        <ControlledText
          name="baseUrl"
          label={LABELS.baseUrl}
          required
          type="url"
          inputMode="url"
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
      <SubmitRow pending={api.mutation.isPending} label="Registrar el nodo" pendingLabel="Registrando…" cancelHref={listHref} className="mt-8" />
    </ApiForm>
  );
}
