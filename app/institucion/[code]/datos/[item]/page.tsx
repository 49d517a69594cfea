import type { Metadata } from "next";
import Link from "next/link";
import { AttributesTable } from "@/components/catalog/AttributesTable";
import { formatRun } from "@pisee/node-agent/shared";
import { DIRECTION_LABELS } from "@/components/catalog/labels";
import { LifecycleTimeline } from "@/components/catalog/LifecycleTimeline";
import { ClassificationBadge, StatusBadge } from "@/components/catalog/StatusBadge";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { CLASSIFICATION_HELP, FREQUENCY_LABELS, NATURE_LABELS } from "@/lib/catalog/labels";
import { DATA_ITEM_TRANSITIONS } from "@/lib/catalog/lifecycle";
import { formatDate, formatDateTime } from "@/lib/format";
import { loadManagedDataItem } from "../../../_lib/loaders";
import { ManagedEntryTop, transitionOptions } from "../../../_lib/ManagedEntry";
import { noticeOf, titlePart } from "../../../_lib/staff";
import { Table } from "@/components/ui/Table";
import { Section } from "@/components/ui/Section";

type Props = { params: Promise<{ code: string; item: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  return { title: `Dato ${titlePart(p.item)} · ${titlePart(p.code)}` };
}

/** One data item as its institution manages it: fields, attributes, the services using it, history, actions. */
export default async function ManageDataItemPage({ params, searchParams }: Props) {
  const raw = await params;
  const notice = noticeOf((await searchParams).aviso);
  const { institution, canEdit, item, href } = await loadManagedDataItem(raw.code, raw.item, `/institucion/${raw.code}/datos/${raw.item}`);
  const base = `/institucion/${institution.code}`;

  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: base, label: institution.name }, { href: `${base}/datos`, label: "Datos" }, { label: item.name }]} />
      <ManagedEntryTop
        kind="dataItem"
        entry={item}
        badges={<ClassificationBadge classification={item.classification} />}
        notice={notice}
        canEdit={canEdit}
        institutionName={institution.name}
        href={href}
        publicHref={`/datos/${item.id}`}
        actions={transitionOptions(item, DATA_ITEM_TRANSITIONS)}
      />

      <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0 space-y-10">
          <Section id="titulo-ficha" title="Ficha del dato">
            <p className="mb-4 max-w-3xl whitespace-pre-line">{item.description}</p>
            <dl className="grid gap-x-8 gap-y-3 sm:grid-cols-[14rem_1fr]">
              <dt className="font-bold">Código</dt>
              <dd>
                <code>{item.code}</code>
              </dd>
              <dt className="font-bold">Clasificación</dt>
              <dd>
                <ClassificationBadge classification={item.classification} />
                <span className="mt-1 block text-sm text-ink-muted">{CLASSIFICATION_HELP[item.classification]}</span>
              </dd>
              <dt className="font-bold">Responsable</dt>
              <dd>
                {item.responsible.name}
                {item.responsible.run && <span className="text-ink-muted"> ({formatRun(item.responsible.run)})</span>}
              </dd>
              <dt className="font-bold">Frecuencia de actualización</dt>
              <dd>{FREQUENCY_LABELS[item.updateFrequency]}</dd>
              <dt className="font-bold">Última actualización</dt>
              <dd>{item.lastUpdatedOn ? formatDate(new Date(`${item.lastUpdatedOn}T12:00:00Z`)) : "No informada"}</dd>
              <dt className="font-bold">Naturaleza</dt>
              <dd>{NATURE_LABELS[item.nature]}</dd>
              <dt className="font-bold">Creado</dt>
              <dd>{formatDateTime(new Date(item.createdAt))}</dd>
              <dt className="font-bold">Última modificación</dt>
              <dd>{formatDateTime(new Date(item.updatedAt))}</dd>
            </dl>
          </Section>

          <Section id="titulo-atributos" title="Atributos">
            <AttributesTable attributes={item.attributes} />
          </Section>

          <Section id="titulo-servicios" title="Servicios que usan este dato">
            {item.services.length === 0 ? (
              <p className="text-ink-muted">Ningún servicio lo usa todavía.</p>
            ) : (
              <Table caption="Servicios que usan este dato" columns={["Servicio", "Proveedor", "Sentido", "Estado"]}>
                {item.services.map((s) => {
                  const [provider, code, version] = s.id.split("/");
                  const own = provider === institution.code;
                  const link = own ? `${base}/servicios/${code}/${version}` : s.status === "DRAFT" ? null : `/catalogo/${provider}/${code}/${version}`;
                  return (
                    <tr key={`${s.id}-${s.direction}`} className="border-b border-line align-top">
                      <th scope="row" className="py-3 pr-4 font-normal">
                        {link ? (
                          <Link href={link} className="font-medium">
                            {s.name}
                          </Link>
                        ) : (
                          <span className="font-medium">{s.name}</span>
                        )}
                        <code className="block text-sm text-ink-muted">{s.id}</code>
                      </th>
                      <td className="py-3 pr-4">{s.provider.name}</td>
                      <td className="py-3 pr-4">{DIRECTION_LABELS[s.direction]}</td>
                      <td className="py-3">
                        <StatusBadge status={s.status} />
                      </td>
                    </tr>
                  );
                })}
              </Table>
            )}
          </Section>
        </div>

        <Section id="titulo-historial" title="Historial" className="min-w-0">
          <LifecycleTimeline events={item.events} headingId="titulo-historial" />
        </Section>
      </div>
    </>
  );
}
