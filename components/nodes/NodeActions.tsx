"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/forms/api";
import { ConfirmActionDialog, ReasonField, type ConfirmAction } from "@/components/forms/ConfirmActionDialog";
import { checkResolver } from "@/components/forms/resolver";
import type { TNode } from "@/lib/nodes/schemas";
import { TOKEN_PURPOSE_LABELS } from "./labels";
import { TokenPanel, type IssuedToken } from "./TokenPanel";

type Issued = { node: TNode; token: string; expiresAt: string };

/**
 * The administrator's actions on a node: "Rotar claves" (issues a one-time rotation token, shown
 * once in a panel below, with the command to run), "Emitir un token de registro nuevo" (a pending
 * node whose token expired or was lost) and "Revocar" (with a required reason; the
 * node leaves the network configuration). Each asks for confirmation in a modal dialog; errors go
 * to the dialog's summary; the page is refreshed after each.
 */
export function NodeActions({ node, portalUrl }: { node: Pick<TNode, "id" | "name" | "status" | "environment" | "baseUrl" | "tokenPending">; portalUrl: string }) {
  const router = useRouter();
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const endpoint = `/api/v1/nodes/${node.id}`;
  const pending = node.tokenPending;

  /** A one-time token (rotation or registration), shown once below the buttons. */
  const tokenAction = (purpose: "rotate" | "register", rest: Pick<ConfirmAction<Issued | TNode>, "action" | "buttonId" | "label" | "title" | "text">): ConfirmAction<Issued | TNode> => ({
    ...rest,
    yes: "Sí, emitir el token",
    send: () => sendJson<Issued>(`${endpoint}/${purpose === "rotate" ? "rotation-token" : "registration-token"}`, "POST", {}),
    notice: () =>
      purpose === "rotate"
        ? `Se emitió un token de rotación de claves para ${node.id}. Cópielo ahora desde el panel de abajo (se muestra una sola vez) y ejecute el comando en el servidor del nodo.`
        : `Se emitió un token de registro nuevo para ${node.id}; el anterior dejó de servir. Cópielo ahora desde el panel de abajo (se muestra una sola vez) y registre el nodo con él.`,
    after: (result) => {
      const { node: n, token, expiresAt } = result as Issued;
      setIssued({ purpose, token, expiresAt, node: { id: n.id, environment: n.environment, baseUrl: n.baseUrl } });
      router.refresh();
    },
  });

  const actions: ConfirmAction<Issued | TNode>[] = [];
  if (node.status === "ACTIVE") {
    actions.push(
      tokenAction("rotate", {
        action: "rotate",
        buttonId: "accion-rotar",
        label: "Rotar claves",
        title: "¿Rotar las claves del nodo?",
        text: (
          <>
            <p>
              Se emitirá un token de rotación para <code>{node.id}</code>, de un solo uso y válido 24 horas, que se mostrará una sola vez. Con él, el nodo genera claves nuevas
              y las presenta al portal.
            </p>
            <p>Las claves actuales siguen valiendo hasta entonces, y una hora más después de presentar las nuevas, para los mensajes en curso.</p>
            {pending && <p className="font-medium">El token de {TOKEN_PURPOSE_LABELS[pending.purpose]} pendiente dejará de servir: solo vale el último emitido.</p>}
          </>
        ),
      }),
    );
  }
  if (node.status === "PENDING") {
    actions.push(
      tokenAction("register", {
        action: "reissue",
        buttonId: "accion-token-registro",
        label: "Emitir un token de registro nuevo",
        title: "¿Emitir un token de registro nuevo?",
        text: (
          <>
            <p>
              Se emitirá un token de registro nuevo para <code>{node.id}</code>, de un solo uso y válido 24 horas, que se mostrará una sola vez.
            </p>
            {pending && <p className="font-medium">El token de registro anterior dejará de servir: solo vale el último emitido.</p>}
          </>
        ),
      }),
    );
  }
  if (node.status !== "REVOKED") {
    actions.push({
      action: "revoke",
      buttonId: "accion-revocar",
      label: "Revocar",
      secondary: true,
      title: "¿Revocar el nodo?",
      text: (
        <>
          {node.status === "PENDING" ? (
            <p>
              <code>{node.id}</code> aún no se registra: su token de registro dejará de servir y el nodo no podrá entrar en la configuración de la red.
            </p>
          ) : (
            <p>
              <code>{node.id}</code> saldrá de la configuración de la red en su próxima versión: en menos de un minuto los demás nodos dejarán de aceptar sus mensajes y de enviarle
              solicitudes.{pending ? " El token de rotación pendiente dejará de servir." : ""}
            </p>
          )}
          <p className="font-medium">La revocación es definitiva. Para volver a la red, registre un nodo nuevo con otro nombre.</p>
        </>
      ),
      yes: "Sí, revocar",
      values: { reason: "" },
      fields: <ReasonField help="Por ejemplo: servidor dado de baja, claves comprometidas. Queda en el historial del nodo y en el registro de auditoría." />,
      initialFocusId: "motivo",
      resolver: checkResolver(({ reason }) => {
        const trimmed = String(reason).trim();
        if (trimmed.length >= 3) return [];
        return [{ path: "reason", message: trimmed ? "Indique el motivo de la revocación (al menos 3 caracteres)." : "Indique el motivo de la revocación." }];
      }),
      send: ({ reason }) => sendJson<TNode>(`${endpoint}/revoke`, "POST", { reason: String(reason).trim() }),
      notice: () =>
        node.status === "PENDING"
          ? "Se revocó el nodo. Su token de registro ya no sirve; para volver a la red, registre un nodo nuevo con otro nombre."
          : "Se revocó el nodo. Sale de la configuración de la red en su próxima versión, en menos de un minuto; para volver a la red, registre un nodo nuevo con otro nombre.",
      after: () => {
        setIssued(null);
        router.refresh();
      },
    });
  }

  return (
    <ConfirmActionDialog actions={actions} groupLabel="Acciones sobre el nodo" fieldIds={{ reason: { id: "motivo", label: "Motivo" } }}>
      {issued && (
        <div className="mt-6">
          <TokenPanel issued={issued} portalUrl={portalUrl} />
        </div>
      )}
    </ConfirmActionDialog>
  );
}
