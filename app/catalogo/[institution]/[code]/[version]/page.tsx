import type { Metadata } from "next";
import Link from "next/link";
import { RequestAccessCta } from "@/components/agreements/RequestAccessCta";
import { LifecycleTimeline } from "@/components/catalog/LifecycleTimeline";
import { ClassificationBadge, StatusBadge } from "@/components/catalog/StatusBadge";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { getCurrentActor } from "@/lib/auth/session";
import { APPROVAL_LABELS, ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import type { TService } from "@/lib/catalog/schemas";
import { getService } from "@/lib/catalog/service";
import { listActiveRequestsForService } from "@/lib/agreements/service";
import { orNotFound, titleOr } from "@/app/_lib/not-found";
import { formatDate, formatNumber } from "@/lib/format";
import { Table } from "@/components/ui/Table";
import { Section } from "@/components/ui/Section";

type Props = { params: Promise<{ institution: string; code: string; version: string }> };

async function load(params: Props["params"]): Promise<TService> {
  const { institution, code, version } = await params;
  return orNotFound(getService(`${decodeURIComponent(institution)}/${decodeURIComponent(code)}/${decodeURIComponent(version)}`, await getCurrentActor()));
}

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return titleOr(() => load(params), "Servicio no encontrado");
}

function DataItemsTable({ items, caption }: { items: TService["outputDataItems"]; caption: string }) {
  if (items.length === 0) return <p className="text-ink-muted">Ninguno.</p>;
  return (
    <Table caption={caption} columns={["Dato", "Clasificación"]}>
      {items.map((d) => (
        <tr key={d.id} className="border-b border-line">
          <th scope="row" className="py-2 pr-4 font-normal">
            <Link href={`/datos/${d.id}`}>{d.name}</Link>
            <span className="block text-sm text-ink-muted">{d.id}</span>
          </th>
          <td className="py-2">
            <ClassificationBadge classification={d.classification} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

export default async function ServicePage({ params }: Props) {
  const s = await load(params);
  const actor = await getCurrentActor();
  const existing = await listActiveRequestsForService(s.id, actor);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: "/catalogo", label: "Catálogo de Servicios" }, { label: s.name }]} />
      <header className="mb-8">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={s.status} />
          {s.sensitive && <ClassificationBadge classification="SENSIBLE" />}
          {!s.sensitive && s.personal && <Badge tone="warning">Datos personales</Badge>}
          {s.approvalPolicy === "AUTOMATIC" && <Badge tone="success">Datos abiertos</Badge>}
        </div>
        <h1 className="mt-3 text-3xl font-bold sm:text-4xl">{s.name}</h1>
        <p className="mt-2 text-ink-muted">
          Ofrecido por <Link href={`/instituciones/${s.provider.code}`}>{s.provider.name}</Link> · <code>{s.id}</code>
        </p>
      </header>

      {s.status === "DEPRECATED" && (
        <Alert tone="warning" title="Servicio obsoleto">
          Sigue operando para los acuerdos existentes, pero no debería usarse en integraciones nuevas.
          {s.events.findLast((e) => e.action === "deprecate")?.reason && <> Motivo: {s.events.findLast((e) => e.action === "deprecate")?.reason}</>}
        </Alert>
      )}
      {s.status === "RETIRED" && (
        <Alert tone="danger" title="Servicio retirado">
          Ya no se ofrece.
        </Alert>
      )}

      <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-10">
          <Section id="titulo-descripcion" title="Descripción" headingClassName="mb-3 text-2xl font-bold">
            <p className="whitespace-pre-line">{s.description}</p>
            {s.sensitive && (
              <p className="mt-3 rounded border-l-4 border-danger bg-danger-light p-3">
                Entrega datos <strong>sensibles</strong>: cada consulta exige el consentimiento de la persona, otorgado con ClaveÚnica para un trámite
                determinado.
              </p>
            )}
          </Section>

          <Section id="titulo-salida" title="Datos que entrega" headingClassName="mb-3 text-2xl font-bold">
            <DataItemsTable items={s.outputDataItems} caption="Datos de salida del servicio" />
          </Section>

          <Section id="titulo-entrada" title="Datos que requiere" headingClassName="mb-3 text-2xl font-bold">
            <DataItemsTable items={s.inputDataItems} caption="Datos de entrada del servicio" />
          </Section>

          <Section id="titulo-endpoints" title="Operaciones (OpenAPI)" headingClassName="mb-3 text-2xl font-bold">
            {s.endpoints.length === 0 ? (
              <p className="text-ink-muted">El proveedor aún no publica la descripción OpenAPI.</p>
            ) : (
              <Table caption="Operaciones del servicio" columns={["Método", "Ruta", "Descripción"]}>
                {s.endpoints.map((e) => (
                  <tr key={`${e.method} ${e.path}`} className="border-b border-line">
                    <td className="py-2 pr-4 font-mono text-sm font-bold">{e.method}</td>
                    <th scope="row" className="py-2 pr-4 font-mono text-sm font-normal">
                      {e.path}
                    </th>
                    <td className="py-2">{e.summary ?? e.operationId ?? "—"}</td>
                  </tr>
                ))}
              </Table>
            )}
            <p className="mt-2 text-sm text-ink-muted">
              Se consume a través del nodo de interoperabilidad de su institución: <code>/r1/{s.id}/…</code>
            </p>
          </Section>

          <Section id="titulo-historial" title="Historial" headingClassName="mb-3 text-2xl font-bold">
            <LifecycleTimeline events={s.events} headingId="titulo-historial" />
          </Section>
        </div>

        <aside className="space-y-8">
          <section id="solicitar" aria-labelledby="titulo-solicitar" className="rounded-lg border-2 border-primary p-5">
            <h2 id="titulo-solicitar" className="text-xl font-bold">
              Solicitar acceso
            </h2>
            <RequestAccessCta service={s} actor={actor} existing={existing} />
          </section>

          <Section id="titulo-niveles" title="Niveles de servicio" headingClassName="mb-3 text-xl font-bold">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
              <dt className="font-bold">TPS</dt>
              <dd>{formatNumber(s.tps)} transacciones por segundo</dd>
              <dt className="font-bold">ANS</dt>
              <dd>{formatNumber(s.availability)} % de disponibilidad</dd>
              <dt className="font-bold">Aprobación</dt>
              <dd>{APPROVAL_LABELS[s.approvalPolicy]}</dd>
              <dt className="font-bold">Ambientes</dt>
              <dd>{s.environments.map((e) => ENVIRONMENT_LABELS[e]).join(", ")}</dd>
              <dt className="font-bold">Esquema</dt>
              <dd>{s.requiresApprovedSchema ? "Exige un esquema aprobado" : "No exige esquema aprobado"}</dd>
              <dt className="font-bold">Versión</dt>
              <dd>v{s.major}</dd>
              {s.publishedAt && (
                <>
                  <dt className="font-bold">Publicado</dt>
                  <dd>{formatDate(new Date(s.publishedAt))}</dd>
                </>
              )}
            </dl>
          </Section>

          <Section id="titulo-tramites" title="Trámites que lo usan" headingClassName="mb-3 text-xl font-bold">
            {s.procedures.length === 0 ? (
              <p className="text-ink-muted">Ninguno informado.</p>
            ) : (
              <ul className="space-y-2">
                {s.procedures.map((p) => (
                  <li key={p.code}>
                    <Link href={`/catalogo?procedure=${p.code}`}>{p.name}</Link>
                    <span className="block text-sm text-ink-muted">
                      {p.code}
                      {p.needsConsent && " · requiere consentimiento"}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>

          <Section id="titulo-responsable" title="Responsable" headingClassName="mb-3 text-xl font-bold">
            <p>{s.responsible.name}</p>
            <p className="text-sm text-ink-muted">{s.provider.name}</p>
          </Section>
        </aside>
      </div>
    </>
  );
}
