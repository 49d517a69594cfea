import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/Badge";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { isAppError } from "@/lib/errors";
import { KIND_LABELS, ONBOARDING_STAGES, REGION_LABELS } from "@/lib/institutions/labels";
import { getInstitution } from "@/lib/institutions/service";
import type { TInstitution } from "@/lib/institutions/schemas";
import { Section } from "@/components/ui/Section";
import { DeadlineText, StageSteps } from "@/components/institutions/Onboarding";
import { canReadInstitution } from "@/lib/auth/permissions";
import { getCurrentActor } from "@/lib/auth/session";
import Link from "next/link";

type Props = { params: Promise<{ code: string }> };

async function load(code: string): Promise<TInstitution> {
  try {
    return await getInstitution(decodeURIComponent(code));
  } catch (err) {
    if (isAppError(err, "not_found")) notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  try {
    return { title: (await getInstitution(decodeURIComponent(code))).name };
  } catch {
    return { title: "Institución no encontrada" };
  }
}

export default async function InstitutionPage({ params }: Props) {
  const institution = await load((await params).code);
  const actor = await getCurrentActor();
  const stageIndex = ONBOARDING_STAGES.findIndex((s) => s.stage === institution.onboardingStage);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: "/instituciones", label: "Instituciones" }, { label: institution.name }]} />
      <header className="mb-8">
        <h1 className="text-3xl font-bold sm:text-4xl">{institution.name}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-ink-muted">
          <Badge tone="info">Grupo {institution.group}</Badge>
          <span>{KIND_LABELS[institution.kind]}</span>
          <span aria-hidden="true">·</span>
          <DeadlineText deadline={institution.deadline} label />
        </p>
        {canReadInstitution(actor, institution.code) && (
          <p className="mt-3">
            <Link href={`/institucion/${institution.code}`}>
              Abrir el área de la institución{actor?.memberships.some((m) => m.institutionCode === institution.code) ? "" : " (solo lectura)"}
            </Link>
          </p>
        )}
      </header>

      <Section id="titulo-datos" title="Datos de la institución" className="mb-10">
        <dl className="grid gap-x-8 gap-y-4 sm:grid-cols-[12rem_1fr]">
          <dt className="font-bold">Código</dt>
          <dd>
            <code>{institution.code}</code>
          </dd>
          <dt className="font-bold">Tipo</dt>
          <dd>{KIND_LABELS[institution.kind]}</dd>
          <dt className="font-bold">Región</dt>
          <dd>{institution.region ? (REGION_LABELS[institution.region] ?? institution.region) : "No aplica o no informada"}</dd>
          <dt className="font-bold">Grupo de gradualidad</dt>
          <dd>Grupo {institution.group} (Ley 21.464)</dd>
          <dt className="font-bold">Plazo</dt>
          <dd>
            <DeadlineText deadline={institution.deadline} />
          </dd>
          <dt className="font-bold">Obligación</dt>
          <dd>{institution.deadline.duty}</dd>
        </dl>
      </Section>

      <Section id="titulo-incorporacion" title="Incorporación a la red">
        <p className="mb-4">
          Etapa actual: <strong>{ONBOARDING_STAGES[stageIndex]?.label}</strong>. {ONBOARDING_STAGES[stageIndex]?.description}
        </p>
        <p className="mb-4 text-sm text-ink-muted">
          La etapa es la que registró el equipo de la plataforma o, si es posterior, la que muestran los hechos de la red: solicitudes y acuerdos
          vigentes, y nodos activos.
        </p>
        <StageSteps current={institution.onboardingStage} />
      </Section>
    </>
  );
}
