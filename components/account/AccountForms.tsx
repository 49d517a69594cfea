"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { ApiForm, useApiForm } from "@/components/forms/ApiForm";
import { sendJson } from "@/components/forms/api";
import { ControlledChoices, ControlledText } from "@/components/forms/controlled";
import { useHydrated } from "@/components/forms/useHydrated";
import { apiResolver } from "@/components/forms/resolver";
import { Button } from "@/components/ui/Button";
import { Alert } from "@/components/ui/Alert";
import { useDoneNotice } from "@/components/ui/useDoneNotice";
import { MAIL_MODE_LABELS, MAIL_MODES, ZMailPreferences, ZMembershipMailChange, ZOwnEmailChange, type TAccount } from "@/lib/account/schemas";

type Mode = (typeof MAIL_MODES)[number];

const MODE_HELP: Record<Mode, string> = {
  IMMEDIATE: "Un correo por cada aviso, apenas ocurre.",
  DIGEST: "Un solo correo al día con todos los avisos. Los plazos legales llegan igual al momento.",
};
const modeOptions = MAIL_MODES.map((m) => ({ value: m, label: MAIL_MODE_LABELS[m], help: MODE_HELP[m] }));

/** The form's submit button: enabled once hydrated, busy while sending. */
function Submit({ pending, label, pendingLabel = "Guardando…" }: { pending: boolean; label: string; pendingLabel?: string }) {
  const hydrated = useHydrated();
  return (
    <div className="mt-4">
      <Button type="submit" disabled={!hydrated || pending} aria-busy={pending}>
        {pending ? pendingLabel : label}
      </Button>
    </div>
  );
}

/** Where a form's notice goes: above the form, so the keyboard goes on from it. */
function WithNotice({ notice, children }: { notice: ReactNode; children: ReactNode }) {
  return (
    <div>
      {notice}
      {children}
    </div>
  );
}

/**
 * The person's own address: a new one is mailed a confirmation link and used only once
 * confirmed; «Quitar mi dirección» leaves them with institutional mail only.
 */
export function OwnEmailForm({ current }: { current: string | null }) {
  const router = useRouter();
  const done = useDoneNotice();
  const [removing, setRemoving] = useState(false);
  const hydrated = useHydrated();
  const api = useApiForm({
    defaultValues: { email: "" },
    resolver: apiResolver(ZOwnEmailChange, (v: { email: string }) => ({ email: v.email.trim() }), { blankIsMissing: ["email"] }),
    fieldOf: (path) => (path === "email" ? "correo-propio" : undefined),
    labelOf: () => "Dirección de correo nueva",
    failedTitle: "No se pudo cambiar la dirección",
    send: (body) => sendJson<TAccount>("/api/v1/account/email", "PUT", body),
    onSent: (account, body) => {
      api.form.reset({ email: "" });
      if (body.email === null) done.announce("Ya no tiene dirección propia: los avisos le llegarán a sus direcciones institucionales.", "Dirección quitada");
      else if (account.pendingEmail)
        done.announce(
          `Le enviamos un enlace de confirmación a ${account.pendingEmail.address}. Ábralo antes de 7 días; hasta entonces seguimos usando ${account.email?.address ?? "sus direcciones institucionales"}.`,
          "Revise su correo",
        );
      else done.announce(`Seguimos usando ${account.email?.address ?? "la misma dirección"}.`, "Sin cambios");
      router.refresh();
    },
  });
  const onSubmit = api.submit((v) => api.send({ email: v.email.trim() }));
  const remove = () => {
    setRemoving(true);
    api.send({ email: null });
  };
  const pending = api.mutation.isPending;
  return (
    <WithNotice notice={done.notice}>
      <ApiForm api={api} onSubmit={onSubmit}>
        <ControlledText
          name="email"
          id="correo-propio"
          label="Dirección de correo nueva"
          required
          type="email"
          inputMode="email"
          autoComplete="email"
          spellCheck={false}
          help="Le enviaremos un enlace para confirmarla; la usaremos desde que lo abra."
        />
        <div className="mt-4 flex flex-wrap items-center gap-4">
          <Button type="submit" disabled={!hydrated || pending} aria-busy={pending && !removing}>
            {pending && !removing ? "Enviando…" : "Cambiar la dirección"}
          </Button>
          {current && (
            <Button type="button" variant="secondary" disabled={!hydrated || pending} aria-busy={pending && removing} onClick={remove}>
              {pending && removing ? "Quitando…" : "Quitar mi dirección"}
            </Button>
          )}
        </div>
      </ApiForm>
    </WithNotice>
  );
}

type MembershipValues = { email: string; mailMode: Mode };

/** One institution's address and mode: the address is confirmed by link, the mode applies to the next avisos. */
export function MembershipMailForm({ institution, institutionName, email, mailMode }: { institution: string; institutionName: string; email: string | null; mailMode: Mode }) {
  const router = useRouter();
  const done = useDoneNotice();
  const ids = { email: `correo-${institution}`, mailMode: `modo-${institution}` };
  const before: MembershipValues = { email: email ?? "", mailMode };
  const bodyOf = (v: MembershipValues) => {
    const body: { email?: string; mailMode?: Mode } = {};
    if (v.email.trim() !== before.email) body.email = v.email.trim();
    if (v.mailMode !== before.mailMode) body.mailMode = v.mailMode;
    return body;
  };
  const api = useApiForm({
    defaultValues: before,
    resolver: apiResolver(ZMembershipMailChange, bodyOf),
    fieldOf: (path) => (path === "email" ? ids.email : path === "mailMode" ? `${ids.mailMode}-IMMEDIATE` : undefined),
    labelOf: (field) => (field === ids.email ? "Dirección institucional" : "Cómo recibir los avisos"),
    failedTitle: "No se pudieron guardar los cambios",
    send: (body) => sendJson<TAccount>(`/api/v1/account/memberships/${institution}`, "PATCH", body),
    onSent: (_account, body) => {
      const said: string[] = [];
      if (body.mailMode === "DIGEST") said.push(`Desde ahora recibirá un resumen diario de los avisos de ${institutionName}.`);
      if (body.mailMode === "IMMEDIATE") said.push(`Desde ahora recibirá cada aviso de ${institutionName} al momento.`);
      if (typeof body.email === "string") said.push(`Le enviamos un enlace de confirmación a ${body.email}: la usaremos desde que lo abra.`);
      done.announce(said.join(" "), "Cambios guardados");
      router.refresh();
    },
  });
  const onSubmit = api.submit((v) => {
    const body = bodyOf(v);
    if (Object.keys(body).length === 0) done.announce("No cambió nada.", "Sin cambios");
    else api.send(body);
  });
  return (
    <WithNotice notice={done.notice}>
      <ApiForm api={api} onSubmit={onSubmit}>
        <div className="space-y-6">
          <ControlledText
            name="email"
            id={ids.email}
            label="Dirección institucional"
            type="email"
            inputMode="email"
            autoComplete="email"
            spellCheck={false}
            help="Si la cambia, le enviaremos un enlace para confirmarla."
          />
          <ControlledChoices name="mailMode" id={ids.mailMode} type="radio" legend="Cómo recibir los avisos" required options={modeOptions} />
        </div>
        <Submit pending={api.mutation.isPending} label={`Guardar para ${institutionName}`} />
      </ApiForm>
    </WithNotice>
  );
}

/** How the platform team's avisos reach a platform admin. */
export function PlatformModeForm({ mode }: { mode: Mode }) {
  const router = useRouter();
  const done = useDoneNotice();
  const api = useApiForm({
    defaultValues: { platformMailMode: mode },
    resolver: apiResolver(ZMailPreferences, (v: { platformMailMode: Mode }) => v),
    fieldOf: (path) => (path === "platformMailMode" ? "modo-plataforma-IMMEDIATE" : undefined),
    labelOf: () => "Avisos del equipo de la plataforma",
    failedTitle: "No se pudo guardar",
    send: (body) => sendJson<TAccount>("/api/v1/account/mail-preferences", "PATCH", body),
    onSent: (account) => {
      done.announce(
        account.platformMailMode === "DIGEST" ? "Recibirá un resumen diario de los avisos de la plataforma." : "Recibirá cada aviso de la plataforma al momento.",
        "Cambios guardados",
      );
      router.refresh();
    },
  });
  const onSubmit = api.submit((v) => api.send(v));
  return (
    <WithNotice notice={done.notice}>
      <ApiForm api={api} onSubmit={onSubmit}>
        <ControlledChoices name="platformMailMode" id="modo-plataforma" type="radio" legend="Avisos del equipo de la plataforma" required options={modeOptions} />
        <Submit pending={api.mutation.isPending} label="Guardar para la plataforma" />
      </ApiForm>
    </WithNotice>
  );
}

/** Unsubscribe from everything but legal deadlines, or subscribe again. */
export function SubscriptionToggle({ subscribed }: { subscribed: boolean }) {
  const router = useRouter();
  const done = useDoneNotice();
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const toggle = async () => {
    setPending(true);
    setError(null);
    try {
      const account = await sendJson<TAccount>("/api/v1/account/mail-preferences", "PATCH", { subscribed: !subscribed });
      done.announce(
        account.subscribed ? "Volverá a recibir los correos del portal." : "Ya no recibirá correos del portal, salvo los de plazos legales.",
        account.subscribed ? "Suscripción reactivada" : "Suscripción cancelada",
      );
      router.refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : "No se pudo guardar.");
    } finally {
      setPending(false);
    }
  };
  return (
    <div>
      {done.notice}
      {error && (
        <Alert tone="danger" title="No se pudo guardar">
          {error}
        </Alert>
      )}
      <Button type="button" variant={subscribed ? "secondary" : "primary"} disabled={!hydrated || pending} aria-busy={pending} onClick={toggle}>
        {subscribed ? "Dejar de recibir correos" : "Volver a recibir correos"}
      </Button>
    </div>
  );
}
