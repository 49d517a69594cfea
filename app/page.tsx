import Link from "next/link";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { plural } from "@/lib/format";
import { ONBOARDING_STAGES } from "@/lib/institutions/labels";
import { listGroupDeadlines } from "@/lib/institutions/service";
import { AVAILABILITY_LABELS, CENTRAL_SERVICES } from "@/lib/platform/central-services";
import { Section } from "@/components/ui/Section";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ sesion?: string }> }) {
  const [{ sesion }, groups] = await Promise.all([searchParams, listGroupDeadlines()]);
  const maxCount = Math.max(1, ...groups.map((g) => g.institutions));
  return (
    <>
      {sesion === "cerrada" && (
        <Alert tone="success" title="Cerró su sesión">
          Su sesión en el portal y en ClaveÚnica terminó.
        </Alert>
      )}
      <section aria-labelledby="titulo-red" className="mb-12 rounded-lg bg-tertiary px-6 py-10 text-white sm:px-10">
        <h1 id="titulo-red" className="text-3xl font-bold text-white sm:text-4xl">
          Red de Interoperabilidad del Estado
        </h1>
        <p className="mt-4 max-w-3xl text-lg text-white/95">
          Conexiones directas y seguras entre los nodos de interoperabilidad que cada órgano de la Administración del Estado aloja en su propia
          infraestructura, para intercambiar datos, documentos y expedientes electrónicos sin volver a pedirle a las personas lo que el Estado ya sabe.
        </p>
        <p className="mt-4 max-w-3xl text-white/95">
          Los mensajes viajan firmados y cifrados punto a punto; el portal nunca está en el camino de los datos. Cada intercambio queda trazado, y
          los datos sensibles solo se obtienen con el consentimiento de la persona.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href="/instituciones" className="rounded border-2 border-white bg-white px-4 py-2 font-medium text-tertiary no-underline hover:bg-primary-light hover:text-tertiary">
            Ver instituciones y plazos
          </Link>
          <Link href="/api/docs" className="rounded border-2 border-white px-4 py-2 font-medium text-white no-underline hover:bg-white/10 hover:text-white">
            Documentación de la API
          </Link>
        </div>
      </section>

      <Section id="titulo-servicios" title="Servicios centrales" className="mb-12" headingClassName="text-2xl font-bold">
        <p className="mt-2 text-ink-muted">Lo que ofrece la red a las instituciones y a las personas, y su disponibilidad en esta instalación.</p>
        <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {CENTRAL_SERVICES.map((s) => (
            <li key={s.name} className="flex flex-col rounded-lg border border-line p-5">
              <div className="flex items-start justify-between gap-3">
                <h3 className="text-lg font-bold">{s.href ? <Link href={s.href}>{s.name}</Link> : s.name}</h3>
                <Badge tone={s.availability === "DISPONIBLE" ? "success" : "neutral"}>{AVAILABILITY_LABELS[s.availability]}</Badge>
              </div>
              <p className="mt-2 text-ink-muted">{s.description}</p>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="titulo-gradualidad" title="Gradualidad de la Ley 21.464" className="mb-12" headingClassName="text-2xl font-bold">
        <p className="mt-2 max-w-3xl text-ink-muted">
          La Ley 21.464 fija, por grupos de instituciones, desde cuándo se aplica la Ley 21.180 de Transformación Digital del Estado.
        </p>
        <ol className="relative mt-8 space-y-8 border-l-4 border-primary pl-8">
          {groups.map((g) => (
            <li key={g.group} className="relative">
              <span aria-hidden="true" className="absolute -left-[2.65rem] top-1 flex h-8 w-8 items-center justify-center rounded-full bg-primary font-bold text-white">
                {g.group}
              </span>
              <p className="font-heading text-2xl font-bold text-primary">{g.year}</p>
              <h3 className="text-xl font-bold">Grupo {g.group}</h3>
              <p className="mt-1">{g.members}.</p>
              <p className="mt-1">
                <strong>Obligación:</strong> {g.duty}.
              </p>
              <div className="mt-3 flex items-center gap-3">
                <span aria-hidden="true" className="h-3 rounded bg-primary" style={{ width: `${Math.max(4, (g.institutions / maxCount) * 60)}%` }} />
                <Link href={`/instituciones?group=${g.group}`}>{plural(g.institutions, "institución", "instituciones")} en este portal</Link>
              </div>
            </li>
          ))}
        </ol>
      </Section>

      <Section id="titulo-incorporacion" title="Cómo se incorpora una institución" headingClassName="text-2xl font-bold">
        <ol className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          {ONBOARDING_STAGES.filter((s) => s.stage !== "NO_INICIADO").map((s, i) => (
            <li key={s.stage} className="rounded-lg border border-line p-4">
              <p className="text-sm font-bold text-primary">Paso {i + 1}</p>
              <h3 className="text-lg font-bold">{s.label}</h3>
              <p className="mt-1 text-sm text-ink-muted">{s.description}</p>
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}
