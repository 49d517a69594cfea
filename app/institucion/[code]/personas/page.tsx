import type { Metadata } from "next";
import { AddMemberForm } from "@/components/people/AddMemberForm";
import { HeadOfServiceForm } from "@/components/people/HeadOfServiceForm";
import { MembersTable } from "@/components/people/MembersTable";
import { Badge } from "@/components/ui/Badge";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { Section } from "@/components/ui/Section";
import { can } from "@/lib/auth/permissions";
import { plural } from "@/lib/format";
import { canManagePeople, listMembers } from "@/lib/institutions/members";
import { requireStaff, titlePart } from "../../_lib/staff";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Personas de ${titlePart((await params).code)}` };
}

/**
 * The institution's people and their roles. Members see the list; its admins add people, change
 * their role or address and remove them; the platform team does so in any institution, and alone
 * names the head of service (a legal role: it signs the agreements).
 */
export default async function InstitutionPeoplePage({ params }: Props) {
  const { code: raw } = await params;
  const { actor, institution, roleLabel } = await requireStaff(raw, `/institucion/${raw}/personas`);
  const canManage = canManagePeople(actor, institution.code);
  const canSetHead = can(actor, "institution.set_head");
  const members = await listMembers(institution.code, actor);
  const admins = members.filter((m) => m.role === "INSTITUTION_ADMIN").length;

  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: `/institucion/${institution.code}`, label: institution.name }, { label: "Personas" }]} />
      <PageHeader
        title="Personas"
        lead={`Quienes integran ${institution.name} en el portal, su rol y su correo institucional. La jefatura de servicio firma los acuerdos: la designa el equipo de la plataforma, a petición de la institución.`}
      >
        <p className="mt-3 flex flex-wrap items-center gap-2 text-ink-muted">
          <span>Su rol:</span>
          <Badge tone={canManage ? "info" : "neutral"}>{canManage && !actor.memberships.some((m) => m.institutionCode === institution.code) ? "Equipo de la plataforma" : roleLabel}</Badge>
          <span>
            {canManage
              ? "Puede agregar personas, cambiar su rol o su correo institucional, y quitarlas."
              : "Solo lectura: las personas las gestionan los administradores/as de la institución."}
          </span>
        </p>
      </PageHeader>

      <Section id="titulo-personas" title="Quienes integran la institución" className="mb-12">
        <p className="mb-4 text-ink-muted">
          {plural(members.length, "persona", "personas")}, {plural(admins, "administrador/a", "administradores/as")}. Una persona agregada antes de ingresar al portal recibe su rol cuando
          ingresa por primera vez con ClaveÚnica; la dirección institucional recibe correos una vez confirmada.
        </p>
        <MembersTable
          institution={institution.code}
          institutionName={institution.name}
          members={members}
          canManage={canManage}
          canRemoveHead={canSetHead}
          actorRun={actor.run}
        />
      </Section>

      {canManage && (
        <Section id="titulo-agregar" title="Agregar persona" className="mb-12">
          <p className="mb-4 max-w-3xl text-ink-muted">
            Por su RUN. Si aún no ingresa al portal, tendrá el rol cuando ingrese con ClaveÚnica. Le enviaremos a su correo institucional un enlace para confirmarlo.
          </p>
          <AddMemberForm institution={institution.code} institutionName={institution.name} />
        </Section>
      )}

      {canSetHead && (
        <Section id="titulo-jefatura" title="Jefatura de servicio" className="mb-12">
          <p className="mb-4 max-w-3xl text-ink-muted">
            Solo el equipo de la plataforma la designa, a petición de la institución. Se avisa a las personas y a la institución; el motivo queda en el registro de auditoría.
          </p>
          <HeadOfServiceForm institution={institution.code} institutionName={institution.name} members={members} />
        </Section>
      )}
    </>
  );
}
