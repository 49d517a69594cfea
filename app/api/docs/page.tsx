import type { Metadata } from "next";
import { ApiReferenceView } from "@/components/api-docs/ApiReference";
import { getApiReference } from "@/lib/api/reference";

export const metadata: Metadata = {
  title: "Documentación de la API",
  description: "Referencia de la API del portal: cada operación con sus parámetros, cuerpo, respuestas y códigos de error.",
};

/**
 * /api/docs: the API reference inside the portal's layout, rendered on the server from the same
 * OpenAPI document as /api/v1/openapi.json (every operation is in the first answer; no script).
 */
export default function ApiDocsPage() {
  return <ApiReferenceView reference={getApiReference()} specUrl="/api/v1/openapi.json" />;
}
