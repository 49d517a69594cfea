import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/Badge";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { isAppError } from "@/lib/errors";
import { KIND_LABELS, ONBOARDING_STAGES, REGION_LABELS } from "@/lib/institutions/labels";
import { getInstitution } from "@/lib/institutions/service";
import type { TInstitution } from "@/lib/institutions/schemas";
import { Section } from "@/components/ui/Section";

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
  const stageIndex = ONBOARDING_STAGES.findIndex((s) => s.stage === institution.onboardingStage);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: "/instituciones", label: "Instituciones" }, { label: institution.name }]} />
      <header className="mb-8">
        <h1 className="text-3xl font-bold sm:text-4xl">{institution.name}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-ink-muted">
          <Badge tone="info">Grupo {institution.group}</Badge>
          <span>{KIND_LABELS[institution.kind]}</span>
        </p>
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
          <dd>{institution.deadline.year}</dd>
          <dt className="font-bold">Obligación</dt>
          <dd>{institution.deadline.duty}</dd>
        </dl>
      </Section>

      <Section id="titulo-incorporacion" title="Incorporación a la red">
        <p className="mb-4">
          Etapa actual: <strong>{ONBOARDING_STAGES[stageIndex]?.label}</strong>. {ONBOARDING_STAGES[stageIndex]?.description}
        </p>
        <ol className="flex flex-wrap gap-2" aria-label="Etapas de incorporación">
          {ONBOARDING_STAGES.map((s, i) => {
            const state = i < stageIndex ? "completada" : i === stageIndex ? "actual" : "pendiente";
            return (
              <li
                key={s.stage}
                aria-current={state === "actual" ? "step" : undefined}
                className={`rounded border px-3 py-1.5 text-sm ${
                  state === "actual" ? "border-primary bg-primary font-bold text-white" : state === "completada" ? "border-success bg-success-light text-success" : "border-line text-ink-muted"
                }`}
              >
                {s.label}
                <span className="sr-only"> ({state})</span>
              </li>
            );
          })}
        </ol>
      </Section>
    </>
  );
}
