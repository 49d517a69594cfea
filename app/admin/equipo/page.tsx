import type { Metadata } from "next";
import { PlatformTeam } from "@/components/people/PlatformTeam";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PageHeader } from "@/components/ui/PageHeader";
import { listPlatformAdmins } from "@/lib/institutions/members";
import { requirePlatform } from "../_lib/platform";

export const metadata: Metadata = { title: "Equipo de la plataforma" };

/** The platform team: who integrates it; its members name and remove one another (never the last one). */
export default async function PlatformTeamPage() {
  const actor = await requirePlatform("/admin/equipo");
  const admins = await listPlatformAdmins(actor);
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, { href: "/admin", label: "Consola de la plataforma" }, { label: "Equipo de la plataforma" }]} />
      <PageHeader
        title="Equipo de la plataforma"
        lead="Quienes administran la Red de Interoperabilidad: median en las solicitudes, vigilan los plazos, designan las jefaturas de servicio y gestionan las personas de cualquier institución."
      />
      <PlatformTeam admins={admins} actorRun={actor.run} />
    </>
  );
}
