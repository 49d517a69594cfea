import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getStandardTerms } from "@/lib/agreements/service";
import { StandardTermsView } from "../_lib/TermsView";

export const metadata: Metadata = { title: "Términos y condiciones estándar de la Red" };

/** The current version of the network's standard terms (public). */
export default async function StandardTermsPage() {
  const terms = await getStandardTerms();
  if (!terms) notFound();
  return <StandardTermsView terms={terms} latest={terms.version} />;
}
