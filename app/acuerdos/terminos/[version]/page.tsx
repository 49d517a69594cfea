import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getStandardTerms } from "@/lib/agreements/service";
import { StandardTermsView } from "../../_lib/TermsView";

type Props = { params: Promise<{ version: string }> };

function versionOf(raw: string): number {
  if (!/^[1-9]\d{0,5}$/.test(raw)) notFound();
  return Number(raw);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { version } = await params;
  return { title: `Términos estándar de la Red, versión ${/^\d{1,6}$/.test(version) ? version : "?"}` };
}

/** One version of the network's standard terms (public): what an agreement fixed and its heads of service signed. */
export default async function StandardTermsVersionPage({ params }: Props) {
  const version = versionOf((await params).version);
  const [terms, latest] = await Promise.all([getStandardTerms(version), getStandardTerms()]);
  if (!terms) notFound();
  return <StandardTermsView terms={terms} latest={latest?.version ?? terms.version} />;
}
