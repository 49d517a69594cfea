import type { Metadata } from "next";
import Link from "next/link";
import { AgreementsTable } from "@/components/agreements/AgreementsTable";
import { StatusTabs } from "@/components/catalog/StatusTabs";
import { Badge } from "@/components/ui/Badge";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { Pagination } from "@/components/ui/Pagination";
import { ZAgreementStatus } from "@/lib/agreements/schemas";
import { listAgreements } from "@/lib/agreements/service";
import { AGREEMENT_STATUS_LABELS } from "@/lib/agreements/transitions";
import { can } from "@/lib/auth/permissions";
import { ZEnvironment } from "@/lib/fields";
import { ENVIRONMENT_LABELS } from "@/lib/catalog/labels";
import { plural } from "@/lib/format";
import type { AgreementStatus, Environment } from "@/lib/generated/prisma/enums";
import { requireStaff, titlePart } from "../../_lib/staff";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Acuerdos de ${titlePart((await params).code)}` };
}

const TABS = {
  recibidas: { direction: "incoming", label: "Recibidas", caption: "Solicitudes recibidas como institución proveedora" },
  enviadas: { direction: "outgoing", label: "Enviadas", caption: "Solicitudes enviadas como institución solicitante" },
} as const;
type Tab = keyof typeof TABS;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function paramsOf(sp: Record<string, string | string[] | undefined>) {
  const bandeja = first(sp.bandeja);
  const status = ZAgreementStatus.safeParse(first(sp.estado));
  const environment = ZEnvironment.safeParse(first(sp.ambiente));
  return {
    tab: (bandeja === "enviadas" ? "enviadas" : "recibidas") as Tab,
    status: status.success ? (status.data as AgreementStatus) : undefined,
    environment: environment.success ? (environment.data as Environment) : undefined,
    page: Math.max(1, Math.min(10_000, Number.parseInt(first(sp.page) ?? "1", 10) || 1)),
  };
}

/** The institution's agreements: requests received as provider and sent as consumer, with their deadlines. */
export default async function InstitutionAgreementsPage({ params, searchParams }: Props) {
  const { code: raw } = await params;
  const { actor, institution, roleLabel } = await requireStaff(raw, `/institucion/${raw}/acuerdos`);
  const { tab, status, environment, page } = paramsOf(await searchParams);
  const base = `/institucion/${institution.code}/acuerdos`;
  const inst = institution.code;
  const [result, incoming, outgoing] = await Promise.all([
    listAgreements({ institution: inst, direction: TABS[tab].direction, status, environment, page, pageSize: 20 }, actor),
    listAgreements({ institution: inst, direction: "incoming", page: 1, pageSize: 1 }, actor),
    listAgreements({ institution: inst, direction: "outgoing", page: 1, pageSize: 1 }, actor),
  ]);
  const hrefFor = (t: Tab, p = 1, keepFilters = true) => {
    const u = new URLSearchParams();
    if (t !== "recibidas") u.set("bandeja", t);
    if (keepFilters && status) u.set("estado", status);
    if (keepFilters && environment) u.set("ambiente", environment);
    if (p > 1) u.set("page", String(p));
    const s = u.toString();
    return s ? `${base}?${s}` : base;
  };
  const filtered = !!status || !!environment;
  const canReview = can(actor, "agreement.review", inst);
  const canSubmit = can(actor, "agreement.submit", inst);
  const canSign = can(actor, "agreement.sign", inst);
  const total = result.pagination.total;

  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: `/institucion/${inst}`, label: institution.name }, { label: "Acuerdos" }]} />
      <PageHeader title="Acuerdos" lead={`Las solicitudes de acceso que ${institution.name} recibe por sus servicios y las que envía para usar servicios de otras instituciones.`}>
        <p className="mt-3 flex flex-wrap items-center gap-2 text-ink-muted">
          <span>Su rol:</span>
          <Badge tone={canReview || canSubmit ? "info" : "neutral"}>{roleLabel}</Badge>
          {canSign && <Badge tone="info">Jefatura de servicio</Badge>}
          <span>
            {canReview || canSubmit
              ? "Puede enviar solicitudes y responder las recibidas."
              : "Puede ver los acuerdos y preparar solicitudes en borrador; las envían y responden los/as administradores/as."}
            {canSign ? " Firma los acuerdos por la institución." : ""}
          </span>
        </p>
        <p className="mt-3 flex flex-wrap gap-x-6 gap-y-1">
          <Link href={`/institucion/${inst}/notificaciones`}>Notificaciones</Link>
          <Link href="/catalogo">Buscar un servicio para solicitar acceso</Link>
        </p>
      </PageHeader>

      <StatusTabs
        label="Bandejas de acuerdos"
        tabs={[
          { slug: "recibidas", label: TABS.recibidas.label, count: incoming.pagination.total },
          { slug: "enviadas", label: TABS.enviadas.label, count: outgoing.pagination.total },
        ]}
        current={tab}
        hrefFor={(slug) => hrefFor(slug as Tab, 1, false)}
      />

      <form method="get" action={base} aria-label="Filtrar acuerdos" className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-line bg-surface p-4">
        {tab !== "recibidas" && <input type="hidden" name="bandeja" value={tab} />}
        <div>
          <label htmlFor="estado" className="block font-medium">
            Estado
          </label>
          <select id="estado" name="estado" defaultValue={status ?? ""} className="mt-1 rounded border border-ink-muted bg-white px-3 py-2">
            <option value="">Todos los estados</option>
            {(Object.keys(AGREEMENT_STATUS_LABELS) as AgreementStatus[])
              .filter((s) => tab === "enviadas" || s !== "BORRADOR")
              .map((s) => (
                <option key={s} value={s}>
                  {AGREEMENT_STATUS_LABELS[s]}
                </option>
              ))}
          </select>
        </div>
        <div>
          <label htmlFor="ambiente" className="block font-medium">
            Ambiente
          </label>
          <select id="ambiente" name="ambiente" defaultValue={environment ?? ""} className="mt-1 rounded border border-ink-muted bg-white px-3 py-2">
            <option value="">Todos</option>
            {(["dev", "prod"] as const).map((e) => (
              <option key={e} value={e}>
                {ENVIRONMENT_LABELS[e]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border-2 border-primary bg-primary px-4 py-2 font-medium text-white hover:bg-primary-dark">
          Filtrar
        </button>
        {filtered && (
          <Link href={hrefFor(tab, 1, false)} className="self-center">
            Quitar los filtros
          </Link>
        )}
      </form>

      <p className="mb-3 font-medium" role="status">
        {plural(total, tab === "recibidas" ? "solicitud recibida" : "solicitud enviada", tab === "recibidas" ? "solicitudes recibidas" : "solicitudes enviadas")}
        {status && ` en estado «${AGREEMENT_STATUS_LABELS[status]}»`}
        {environment && ` en ${ENVIRONMENT_LABELS[environment].toLowerCase()}`}
        {result.pagination.totalPages > 1 && ` · página ${Math.min(page, result.pagination.totalPages)} de ${result.pagination.totalPages}`}
      </p>
      {result.data.length === 0 ? (
        <p className="text-ink-muted">
          {filtered
            ? "No hay acuerdos con esos filtros."
            : tab === "recibidas"
              ? "Aún no recibe solicitudes de acceso a sus servicios."
              : "Aún no envía solicitudes. Busque en el Catálogo de Servicios el servicio que necesita y use «Solicitar acceso»."}
        </p>
      ) : (
        <AgreementsTable agreements={result.data} caption={`${TABS[tab].caption}: ${institution.name}`} other={tab === "recibidas" ? "consumer" : "provider"} />
      )}
      <Pagination page={page} totalPages={result.pagination.totalPages} hrefFor={(p) => hrefFor(tab, p)} />
    </>
  );
}
