"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ModalDialog } from "@/components/ui/ModalDialog";
import { useDoneNotice } from "@/components/ui/useDoneNotice";
import { sendJson } from "@/components/forms/api";
import { TextAreaField } from "@/components/forms/fields";
import { FormErrorSummary } from "@/components/forms/FormErrorSummary";
import { byField } from "@/components/forms/issues";
import { useFormIssues } from "@/components/forms/useFormIssues";
import { useHydrated } from "@/components/forms/useHydrated";
import { Button } from "@/components/ui/Button";
import type { TNode } from "@/lib/nodes/schemas";
import { TOKEN_PURPOSE_LABELS } from "./labels";
import { TokenPanel, type IssuedToken } from "./TokenPanel";

type Action = "rotate" | "reissue" | "revoke";

const REASON_ID = "motivo";
const BUTTON_IDS: Record<Action, string> = { rotate: "accion-rotar", reissue: "accion-token-registro", revoke: "accion-revocar" };

/**
 * The administrator's actions on a node: "Rotar claves" (issues a one-time rotation token, shown
 * once in a panel below, with the command to run), "Emitir un token de registro nuevo" (a pending
 * node whose token expired or was lost) and "Revocar" (with a required reason; the
 * node leaves the network configuration). Each asks for confirmation in a modal dialog; errors go
 * to the dialog's summary; the page is refreshed after each.
 */
export function NodeActions({
  node,
  portalUrl,
}: {
  node: Pick<TNode, "id" | "name" | "status" | "environment" | "baseUrl" | "tokenPending">;
  portalUrl: string;
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const tokenHeadingRef = useRef<HTMLHeadingElement>(null);
  const [current, setCurrent] = useState<Action | null>(null);
  const [reason, setReason] = useState("");
  const { notice, announce, clear: clearNotice } = useDoneNotice();
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const endpoint = `/api/v1/nodes/${node.id}`;

  useEffect(() => {
    if (issued) tokenHeadingRef.current?.focus();
  }, [issued]);

  const fieldOf = (path: string) => (path === "reason" ? REASON_ID : undefined);
  const labelOf = (field: string) => (field === REASON_ID ? "Motivo" : undefined);

  const { issues, summaryTitle, attempt, showApiError, showIssues, clear } = useFormIssues(fieldOf, labelOf);
  const mutation = useMutation({
    mutationFn: async ({ action, reason }: { action: Action; reason?: string }) =>
      action === "revoke"
        ? { action, result: await sendJson<TNode>(`${endpoint}/revoke`, "POST", { reason }) }
        : {
            action,
            result: await sendJson<{ node: TNode; token: string; expiresAt: string }>(`${endpoint}/${action === "rotate" ? "rotation-token" : "registration-token"}`, "POST", {}),
          },
    onSuccess: ({ action, result }) => {
      close(false);
      if (action !== "revoke" && "token" in result) {
        clearNotice();
        setIssued({ purpose: action === "rotate" ? "rotate" : "register", token: result.token, expiresAt: result.expiresAt, node: { id: result.node.id, environment: result.node.environment, baseUrl: result.node.baseUrl } });
      } else {
        setIssued(null);
        announce(
          node.status === "PENDING"
            ? "Se revocó el nodo. Su token de registro ya no sirve."
            : "Se revocó el nodo. Sale de la configuración de la red en su próxima versión, en menos de un minuto.",
        );
      }
      router.refresh();
    },
    onError: (err) => {
      showApiError(err, "No se pudo completar la acción");
    },
  });

  function open(action: Action) {
    setReason("");
    clear();
    mutation.reset();
    setCurrent(action);
  }

  function close(returnFocus = true) {
    const action = current;
    setCurrent(null);
    if (returnFocus && action) document.getElementById(BUTTON_IDS[action])?.focus();
  }

  function confirm(e: FormEvent) {
    e.preventDefault();
    if (!current || mutation.isPending) return;
    if (current === "revoke") {
      const trimmed = reason.trim();
      if (trimmed.length < 3) {
        showIssues([{ path: "reason", message: trimmed ? "Indique el motivo de la revocación (al menos 3 caracteres)." : "Indique el motivo de la revocación." }]);
        return;
      }
      clear();
      mutation.mutate({ action: "revoke", reason: trimmed });
    } else {
      clear();
      mutation.mutate({ action: current });
    }
  }

  const errors = byField(issues);
  const canRotate = node.status === "ACTIVE";
  const canReissue = node.status === "PENDING";
  const canRevoke = node.status !== "REVOKED";
  const pending = node.tokenPending;

  return (
    <div>
      {notice}
      {(canRotate || canReissue || canRevoke) && (
        <div className="flex flex-wrap gap-3" role="group" aria-label="Acciones sobre el nodo">
          {canRotate && (
            <Button id={BUTTON_IDS.rotate} type="button" onClick={() => open("rotate")} disabled={!hydrated} aria-haspopup="dialog">
              Rotar claves
            </Button>
          )}
          {canReissue && (
            <Button id={BUTTON_IDS.reissue} type="button" onClick={() => open("reissue")} disabled={!hydrated} aria-haspopup="dialog">
              Emitir un token de registro nuevo
            </Button>
          )}
          {canRevoke && (
            <Button id={BUTTON_IDS.revoke} type="button" variant="secondary" onClick={() => open("revoke")} disabled={!hydrated} aria-haspopup="dialog">
              Revocar
            </Button>
          )}
        </div>
      )}
      {issued && (
        <div className="mt-6">
          <TokenPanel issued={issued} portalUrl={portalUrl} headingRef={tokenHeadingRef} />
        </div>
      )}
      <ModalDialog open={!!current} onClose={() => close()} labelledBy="dialogo-titulo" describedBy="dialogo-texto" initialFocusId={current === "revoke" ? REASON_ID : "dialogo-cancelar"}>
        {current && (
          <form onSubmit={confirm} noValidate className="p-6">
            <h2 id="dialogo-titulo" className="mb-3 text-2xl font-bold">
              {{ rotate: "¿Rotar las claves del nodo?", reissue: "¿Emitir un token de registro nuevo?", revoke: "¿Revocar el nodo?" }[current]}
            </h2>
            {current === "rotate" ? (
              <div id="dialogo-texto" className="mb-4 space-y-2">
                <p>
                  Se emitirá un token de rotación para <code>{node.id}</code>, de un solo uso y válido 24 horas, que se mostrará una sola vez. Con él, el nodo genera claves
                  nuevas y las presenta al portal.
                </p>
                <p>Las claves actuales siguen valiendo hasta entonces, y una hora más después de presentar las nuevas, para los mensajes en curso.</p>
                {pending && <p className="font-medium">El token de {TOKEN_PURPOSE_LABELS[pending.purpose]} pendiente dejará de servir: solo vale el último emitido.</p>}
              </div>
            ) : current === "reissue" ? (
              <div id="dialogo-texto" className="mb-4 space-y-2">
                <p>
                  Se emitirá un token de registro nuevo para <code>{node.id}</code>, de un solo uso y válido 24 horas, que se mostrará una sola vez.
                </p>
                {pending && <p className="font-medium">El token de registro anterior dejará de servir: solo vale el último emitido.</p>}
              </div>
            ) : (
              <div id="dialogo-texto" className="mb-4 space-y-2">
                {node.status === "PENDING" ? (
                  <p>
                    <code>{node.id}</code> aún no se registra: su token de registro dejará de servir y el nodo no podrá entrar en la configuración de la red.
                  </p>
                ) : (
                  <p>
                    <code>{node.id}</code> saldrá de la configuración de la red en su próxima versión: en menos de un minuto los demás nodos dejarán de aceptar sus mensajes y de
                    enviarle solicitudes.{pending ? " El token de rotación pendiente dejará de servir." : ""}
                  </p>
                )}
                <p className="font-medium">La revocación es definitiva. Para volver a la red, registre un nodo nuevo con otro nombre.</p>
              </div>
            )}
            <FormErrorSummary id="dialogo-errores" title={summaryTitle} issues={issues} attempt={attempt} />
            <div className="space-y-5">
              {current === "revoke" && (
                <TextAreaField
                  id={REASON_ID}
                  label="Motivo"
                  required
                  rows={4}
                  maxLength={2000}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  errors={errors[REASON_ID]}
                  help="Por ejemplo: servidor dado de baja, claves comprometidas. Queda en el historial del nodo y en el registro de auditoría."
                />
              )}
              <div className="flex flex-wrap gap-3">
                <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending}>
                  {mutation.isPending ? "Enviando…" : current === "revoke" ? "Sí, revocar" : "Sí, emitir el token"}
                </Button>
                <Button id="dialogo-cancelar" type="button" variant="secondary" onClick={() => close()}>
                  Cancelar
                </Button>
              </div>
            </div>
          </form>
        )}
      </ModalDialog>
    </div>
  );
}
