import type { Metadata } from "next";
import Link from "next/link";
import { AttributesTable } from "@/components/catalog/AttributesTable";
import { LifecycleTimeline } from "@/components/catalog/LifecycleTimeline";
import { ClassificationBadge, StatusBadge } from "@/components/catalog/StatusBadge";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { getCurrentActor } from "@/lib/auth/session";
import { CLASSIFICATION_HELP, FREQUENCY_LABELS, NATURE_LABELS } from "@/lib/catalog/labels";
import type { TDataItem } from "@/lib/data-directory/schemas";
import { getDataItem } from "@/lib/data-directory/service";
import { orNotFound, titleOr } from "@/app/_lib/not-found";
import { formatDate } from "@/lib/format";
import { Table } from "@/components/ui/Table";
import { Section } from "@/components/ui/Section";

type Props = { params: Promise<{ institution: string; code: string }> };

async function load(params: Props["params"]): Promise<TDataItem> {
  const { institution, code } = await params;
  return orNotFound(getDataItem(`${decodeURIComponent(institution)}/${decodeURIComponent(code)}`, await getCurrentActor()));
}

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return titleOr(() => load(params), "Dato no encontrado");
}

const DIRECTION = { INPUT: "Lo requiere (entrada)", OUTPUT: "Lo entrega (salida)" } as const;

export default async function DataItemPage({ params }: Props) {
  const d = await load(params);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: "/datos", label: "Directorio de Datos" }, { label: d.name }]} />
      <header className="mb-8">
        <div className="flex flex-wrap gap-2">
          <StatusBadge status={d.status} />
          <ClassificationBadge classification={d.classification} />
        </div>
        <h1 className="mt-3 text-3xl font-bold sm:text-4xl">{d.name}</h1>
        <p className="mt-2 text-ink-muted">
          Responsable: <Link href={`/instituciones/${d.steward.code}`}>{d.steward.name}</Link> · <code>{d.id}</code>
        </p>
      </header>
      <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-10">
          <Section id="titulo-descripcion" title="Descripción" headingClassName="mb-3 text-2xl font-bold">
            <p className="whitespace-pre-line">{d.description}</p>
            <p className="mt-3 rounded border-l-4 border-primary bg-primary-light p-3">{CLASSIFICATION_HELP[d.classification]}</p>
          </Section>
          <Section id="titulo-atributos" title="Atributos" headingClassName="mb-3 text-2xl font-bold">
            <AttributesTable attributes={d.attributes} />
          </Section>
          <Section id="titulo-servicios" title="Servicios que lo usan" headingClassName="mb-3 text-2xl font-bold">
            {d.services.length === 0 ? (
              <p className="text-ink-muted">Ningún servicio publicado lo usa todavía.</p>
            ) : (
              <Table caption="Servicios que usan este dato" columns={["Servicio", "Proveedor", "Uso"]}>
                {d.services.map((s) => (
                  <tr key={`${s.id}-${s.direction}`} className="border-b border-line">
                    <th scope="row" className="py-2 pr-4 font-normal">
                      <Link href={`/catalogo/${s.id}`}>{s.name}</Link>
                      {s.status !== "PUBLISHED" && (
                        <span className="ml-2">
                          <StatusBadge status={s.status} />
                        </span>
                      )}
                    </th>
                    <td className="py-2 pr-4">{s.provider.name}</td>
                    <td className="py-2">{DIRECTION[s.direction]}</td>
                  </tr>
                ))}
              </Table>
            )}
          </Section>
          <Section id="titulo-historial" title="Historial" headingClassName="mb-3 text-2xl font-bold">
            <LifecycleTimeline events={d.events} headingId="titulo-historial" />
          </Section>
        </div>
        <aside>
          <h2 className="mb-3 text-xl font-bold">Ficha</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
            <dt className="font-bold">Naturaleza</dt>
            <dd>{NATURE_LABELS[d.nature]}</dd>
            <dt className="font-bold">Actualización</dt>
            <dd>{FREQUENCY_LABELS[d.updateFrequency]}</dd>
            <dt className="font-bold">Última actualización</dt>
            <dd>{d.lastUpdatedOn ? formatDate(new Date(`${d.lastUpdatedOn}T12:00:00Z`)) : "No informada"}</dd>
            <dt className="font-bold">Responsable</dt>
            <dd>{d.responsible.name}</dd>
          </dl>
        </aside>
      </div>
    </>
  );
}
