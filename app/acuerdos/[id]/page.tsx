import type { Metadata } from "next";
import { AgreementView } from "@/components/agreements/AgreementView";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import type { TAgreement } from "@/lib/agreements/schemas";
import { getStandardTerms } from "@/lib/agreements/service";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { loadAgreement, serviceOrNull } from "../_lib/load";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  try {
    const { agreement } = await loadAgreement(id, `/acuerdos/${id}`);
    return { title: `Acuerdo ${agreement.number}` };
  } catch {
    return { title: "Acuerdo" };
  }
}

/** Where the person came from: their institution's list on the right tab, or the platform's queue. */
function homeOf(actor: Actor, agreement: TAgreement): { href: string; label: string } | null {
  const member = (code: string) => actor.memberships.find((membership) => membership.institutionCode === code);
  const provider = member(agreement.provider.code);
  if (provider) return { href: `/institucion/${provider.institutionCode}/acuerdos`, label: `Acuerdos de ${provider.institutionName}` };
  const consumer = member(agreement.consumer.code);
  if (consumer) return { href: `/institucion/${consumer.institutionCode}/acuerdos?bandeja=enviadas`, label: `Acuerdos de ${consumer.institutionName}` };
  if (actor.isPlatformAdmin) return { href: "/admin/mediaciones", label: "Consola de la plataforma" };
  return null;
}

/**
 * One agreement. The server loads it with what the person may do and what accepting offers (the
 * service's limits, the standard terms: an action on the page can make accepting possible); the
 * page itself (AgreementView) then follows the agreement each action answers.
 */
export default async function AgreementPage({ params }: Props) {
  const { id } = await params;
  const { actor, agreement } = await loadAgreement(id, `/acuerdos/${id}`);
  const [service, standardTerms] = await Promise.all([serviceOrNull(agreement.service.id, actor), getStandardTerms()]);
  const home = homeOf(actor, agreement);

  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "Inicio" }, ...(home ? [home] : []), { label: `Acuerdo ${agreement.number}` }]} />
      <AgreementView
        initial={agreement}
        service={service ? { tps: service.tps, availability: service.availability } : null}
        standardTerms={standardTerms ? { version: standardTerms.version, title: standardTerms.title } : null}
        viewer={{ canPrepare: can(actor, "agreement.prepare", agreement.consumer.code), consumerAdmin: can(actor, "agreement.submit", agreement.consumer.code) }}
      />
    </>
  );
}
