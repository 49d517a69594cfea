import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AgreementForm } from "@/components/agreements/AgreementForm";
import { initialProcedureCodes } from "@/components/agreements/form-values";
import { ClassificationBadge } from "@/components/catalog/StatusBadge";
import { Alert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { APPROVAL_LABELS, ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { getService } from "@/lib/catalog/service";
import { listActiveRequestsForService } from "@/lib/agreements/service";
import { ExistingRequests } from "@/components/agreements/RequestAccessCta";
import { formatNumber } from "@/lib/format";
import { orNotFound } from "../../_lib/not-found";
import { SERVICE_ID_PATTERN } from "@pisee/node-agent/shared";
import { consumerOptions, formService, procedureOptions, requireActor } from "../_lib/load";
import { Section } from "@/components/ui/Section";
import { formatNumberInput } from "@/lib/text/number";

export const metadata: Metadata = { title: "Solicitar acceso a un servicio" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The request for access to a catalog service, prefilled from it (`?servicio=INSTITUCION/codigo/vN`). */
export default async function NewAgreementPage({ searchParams }: Props) {
  const raw = (await searchParams).servicio;
  const serviceId = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  const actor = await requireActor(`/acuerdos/nuevo?servicio=${serviceId}`);
  if (!SERVICE_ID_PATTERN.test(serviceId)) notFound();
  const service = await orNotFound(getService(serviceId, actor));
  const publicHref = `/catalogo/${service.id}`;
  const consumers = consumerOptions(actor, service.provider.code);

  const crumbs = (
    <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: "/catalogo", label: "Catálogo de Servicios" }, { href: publicHref, label: service.name }, { label: "Solicitar acceso" }]} />
  );
  const header = (
    <PageHeader
      title="Solicitar acceso"
      lead={
        <>
          Al servicio «{service.name}» de {service.provider.name}.
        </>
      }
    />
  );

  if (service.status !== "PUBLISHED" || consumers.length === 0) {
    return (
      <>
        {crumbs}
        {header}
        <div className="max-w-3xl space-y-4">
          {service.status !== "PUBLISHED" ? (
            <Alert tone="warning" title="Este servicio no recibe solicitudes nuevas">
              Está {service.status === "DEPRECATED" ? "obsoleto" : service.status === "RETIRED" ? "retirado" : "en borrador"}. Busque su reemplazo en el{" "}
              <Link href="/catalogo">Catálogo de Servicios</Link>.
            </Alert>
          ) : actor.memberships.some((m) => m.institutionCode === service.provider.code) && actor.memberships.length === 1 ? (
            <Alert tone="info" title="Es un servicio de su institución">
              Una institución no solicita acceso a sus propios servicios.
            </Alert>
          ) : (
            <Alert tone="info" title="Su cuenta no puede solicitar acceso">
              Las solicitudes las preparan los funcionarios/as de una institución pública, y las envían sus administradores/as. Revise sus roles en{" "}
              <Link href="/cuenta">Mi cuenta</Link>.
            </Alert>
          )}
          <p>
            <Link href={publicHref}>Volver al servicio</Link>
          </p>
        </div>
      </>
    );
  }

  const [procedures, existing] = await Promise.all([procedureOptions(service), listActiveRequestsForService(service.id, actor)]);
  const defaultConsumer = consumers[0]!;
  return (
    <>
      {crumbs}
      {header}
      <Section id="titulo-servicio" title="El servicio que solicita" className="mb-8 max-w-3xl rounded-lg border border-line bg-surface p-5" headingClassName="text-xl font-bold">
        <p className="mt-2 flex flex-wrap items-center gap-2">
          <Link href={publicHref} className="font-medium">
            {service.name}
          </Link>
          <code className="text-sm text-ink-muted">{service.id}</code>
          {service.sensitive && <ClassificationBadge classification="SENSIBLE" />}
          {service.approvalPolicy === "AUTOMATIC" && <Badge tone="success">Datos abiertos</Badge>}
        </p>
        <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[12rem_1fr]">
          <dt className="font-bold">Proveedor</dt>
          <dd>{service.provider.name}</dd>
          <dt className="font-bold">Niveles de servicio</dt>
          <dd>
            {formatNumber(service.tps)} TPS · {formatNumber(service.availability)} % de disponibilidad
          </dd>
          <dt className="font-bold">Ambientes</dt>
          <dd>{service.environments.map((e) => ENVIRONMENT_LABELS[e]).join(", ")}</dd>
          <dt className="font-bold">Aprobación</dt>
          <dd>{APPROVAL_LABELS[service.approvalPolicy]}</dd>
        </dl>
        <p className="mt-3 text-sm">
          {service.approvalPolicy === "AUTOMATIC"
            ? "Al enviarla, el acuerdo queda vigente de inmediato con los términos estándar de la Red."
            : `Una vez enviada, ${service.provider.name} tiene 15 días hábiles para responder (prorrogables una vez por 5). Si acepta, el acuerdo rige cuando lo firman las jefaturas de servicio de ambas instituciones.`}
        </p>
      </Section>
      {existing.length > 0 && (
        <Alert tone="info" title="Ya hay solicitudes para este servicio">
          <ExistingRequests existing={existing} />
          <p className="mt-2">Solo puede haber una solicitud activa por institución y ambiente: siga la que existe, o solicite otro ambiente.</p>
        </Alert>
      )}
      <AgreementForm
        mode="create"
        service={formService(service)}
        consumers={consumers}
        procedures={procedures}
        initial={{
          consumer: defaultConsumer.code,
          environment: service.environments.includes("dev") ? "dev" : (service.environments[0] ?? ""),
          type: "",
          procedures: initialProcedureCodes(procedures, defaultConsumer.code),
          legalBasis: "",
          declaredVolume: "",
          mode: "EN_LINEA",
          requestedTps: formatNumberInput(Math.min(10, service.tps), { integer: true }),
          requestedUntil: "",
        }}
        cancelHref={publicHref}
        existing={existing}
      />
    </>
  );
}
