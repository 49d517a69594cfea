"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { DoneNotice } from "@/components/ui/useDoneNotice";
import { Badge } from "@/components/ui/Badge";
import { ButtonLink } from "@/components/ui/Button";
import type { TAgreement } from "@/lib/agreements/schemas";
import { AGREEMENT_TRANSITIONS, TERMS_EDITABLE, type AgreementAction } from "@/lib/agreements/transitions";
import { ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { AgreementActions, type AgreementActionOption } from "./AgreementActions";
import { DeadlinePanel, DocumentsTable, RequestSection, SignaturesSection, StatusNote, TermsSection } from "./AgreementSections";
import { AgreementProgress } from "./AgreementProgress";
import { AgreementStatusBadge } from "./AgreementStatusBadge";
import { AgreementTimeline } from "./AgreementTimeline";
import { DocumentUpload } from "./DocumentUpload";
import { useAgreement } from "./useAgreement";
import { Section } from "@/components/ui/Section";

/** The notice after the step that led here (`?aviso=`); an action on the page drops it from the address, and so from the page. */
const NOTICES: Record<string, string> = {
  creado: "Se guardó la solicitud como borrador. Revísela y, cuando esté lista, un/a administrador/a de su institución puede enviarla.",
  enviado: "Se envió la solicitud. La institución proveedora tiene 15 días hábiles para responder; verá aquí cada paso.",
  vigente: "El acuerdo quedó vigente de inmediato: es un servicio de datos abiertos.",
  guardado: "Se guardaron los cambios del borrador.",
  "sin-cambios": "No había cambios que guardar.",
};

/** The actions `allowedActions` lists, with their words. */
function actionOptions(agreement: TAgreement): AgreementActionOption[] {
  return (
    agreement.allowedActions
      .filter((action): action is AgreementAction => action in AGREEMENT_TRANSITIONS)
      // The deadline extends once: allowedActions still lists it (the service would answer 409 already_extended).
      .filter((action) => !(action === "extend" && agreement.extended))
      .map((action) => {
        const { label, verb, confirm, reasonRequired } = AGREEMENT_TRANSITIONS[action];
        return { action, label, verb, confirm, reasonRequired };
      })
  );
}

/**
 * One agreement: its request, levels and terms, signatures, documents, history and the actions
 * the person may take now. Rendered from the agreement the server loaded, then from the one each
 * action or upload answers (useAgreement), so the page follows without loading it again.
 */
export function AgreementView({
  initial,
  service,
  standardTerms,
  viewer,
}: {
  initial: TAgreement;
  /** The service's limits (null: the person cannot read the service). */
  service: { tps: number; availability: number } | null;
  standardTerms: { version: number; title: string } | null;
  /** What the person may do as a member of the consumer institution. */
  viewer: { canPrepare: boolean; consumerAdmin: boolean };
}) {
  const agreement = useAgreement(initial);
  const aviso = useSearchParams().get("aviso");
  const notice = aviso !== null && Object.hasOwn(NOTICES, aviso) ? NOTICES[aviso] : null;
  const actions = actionOptions(agreement);
  const canEditDraft = agreement.status === "BORRADOR" && viewer.canPrepare;
  const attachable = TERMS_EDITABLE.includes(agreement.status);
  const canAttach = attachable && (viewer.canPrepare || agreement.viewerRoles.includes("provider_admin") || agreement.viewerRoles.includes("platform"));

  return (
    <>
      <header className="mb-6">
        <p className="text-ink-muted">Acuerdo de acceso a un servicio</p>
        <h1 className="text-3xl font-bold sm:text-4xl">Acuerdo {agreement.number}</h1>
        <p className="mt-3 flex flex-wrap items-center gap-2">
          <AgreementStatusBadge status={agreement.status} />
          <Badge>
            <span className="sr-only">Ambiente: </span>
            {ENVIRONMENT_LABELS[agreement.environment]}
          </Badge>
        </p>
        <dl className="mt-4 grid gap-x-6 gap-y-1 sm:grid-cols-[12rem_1fr]">
          <dt className="font-bold">Servicio</dt>
          <dd>
            <Link href={`/catalogo/${agreement.service.id}`}>{agreement.service.name}</Link> <code className="text-sm text-ink-muted">{agreement.service.id}</code>
          </dd>
          <dt className="font-bold">Solicitante y proveedor</dt>
          <dd>
            {agreement.consumer.name} <span aria-hidden="true">→</span>
            <span className="sr-only">solicita a</span> {agreement.provider.name}
          </dd>
          <dt className="font-bold">Ambiente</dt>
          <dd>{ENVIRONMENT_LABELS[agreement.environment]}</dd>
        </dl>
      </header>

      {notice && <DoneNotice pageNotice>{notice}</DoneNotice>}
      <AgreementProgress agreement={agreement} />
      <StatusNote agreement={agreement} consumerAdmin={viewer.consumerAdmin} />
      <DeadlinePanel agreement={agreement} />

      <div className="mb-8 space-y-4 rounded-lg border border-line bg-surface p-4">
        {canEditDraft && (
          <div className="flex flex-wrap items-center gap-3">
            <ButtonLink href={`/acuerdos/${agreement.id}/editar`} variant="secondary">
              Editar borrador
            </ButtonLink>
            <span className="text-ink-muted">Solo la institución solicitante ve este borrador hasta que se envíe.</span>
          </div>
        )}
        {/* Always there, so that the notice of an action that leaves none to take stays. */}
        <AgreementActions
          agreementId={agreement.id}
          actions={actions}
          terms={agreement.terms ? { title: agreement.terms.title, sha256: agreement.terms.sha256 } : null}
          acceptance={{
            serviceTps: service?.tps ?? null,
            serviceAvailability: service?.availability ?? null,
            requestedTps: agreement.requestedTps,
            standardTerms,
            documents: agreement.documents.map((document) => ({ id: document.id, filename: document.filename })),
          }}
          empty={
            <p className="text-ink-muted">
              {canEditDraft
                ? `Cuando el borrador esté listo, un/a administrador/a de ${agreement.consumer.name} lo envía.`
                : agreement.viewerRoles.length === 0
                  ? "Solo lectura: las acciones sobre el acuerdo las realizan los/as administradores/as y las jefaturas de servicio de cada institución, y el equipo de la plataforma."
                  : "No tiene acciones disponibles sobre este acuerdo en su estado actual."}
            </p>
          }
        />
      </div>

      <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0 space-y-10">
          <RequestSection agreement={agreement} serviceTps={service?.tps ?? null} />
          <TermsSection agreement={agreement} />
          <SignaturesSection agreement={agreement} />
          <Section id="titulo-documentos" title="Documentos">
            <DocumentsTable agreement={agreement} />
            {canAttach ? (
              <DocumentUpload agreementId={agreement.id} />
            ) : (
              !attachable && <p className="mt-3 text-sm text-ink-muted">Los términos ya están fijados: no se adjuntan más documentos.</p>
            )}
          </Section>
        </div>

        <Section id="titulo-historial" title="Historial" className="min-w-0">
          <AgreementTimeline events={agreement.events} headingId="titulo-historial" />
        </Section>
      </div>
    </>
  );
}
