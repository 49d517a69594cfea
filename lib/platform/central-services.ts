/**
 * The network's central services and whether this deployment offers each one yet. Each issue
 * that delivers a service changes its entry here; the home page shows the list as it is.
 */
export type Availability = "DISPONIBLE" | "EN_DESARROLLO";

/** `href`: where an available service lives (its page, or the area where it is used). */
export type CentralService = { name: string; description: string; availability: Availability; href?: string };

export const CENTRAL_SERVICES: CentralService[] = [
  {
    name: "Instituciones y plazos",
    description: "Todos los órganos de la Administración del Estado con su grupo de gradualidad (Ley 21.464), su plazo y su etapa de incorporación a la red.",
    availability: "DISPONIBLE",
    href: "/instituciones",
  },
  {
    name: "Catálogo de Servicios",
    description: "Los servicios de interoperabilidad que cada institución ofrece, con sus datos, niveles de servicio (TPS y ANS) y los trámites que los usan.",
    availability: "DISPONIBLE",
    href: "/catalogo",
  },
  {
    name: "Directorio de Datos",
    description: "Cada dato disponible en la red: su descripción, clasificación, institución responsable y los servicios que lo exponen.",
    availability: "DISPONIBLE",
    href: "/datos",
  },
  {
    name: "Catálogo de Esquemas",
    description: "Esquemas basales y documentales aprobados para interoperar, versionados y visados por el equipo de la plataforma.",
    availability: "EN_DESARROLLO",
  },
  {
    name: "Gestor de Acuerdos",
    description: "Solicitud de servicios entre instituciones, respuesta en plazo legal, mediación, firma de las jefaturas y acuerdos vigentes. Se usa desde el área de cada institución, con ClaveÚnica.",
    availability: "DISPONIBLE",
    href: "/institucion",
  },
  {
    name: "Gestor de Autorizaciones",
    description: "Las personas otorgan, rechazan o revocan con ClaveÚnica su consentimiento para que se obtengan sus datos sensibles.",
    availability: "EN_DESARROLLO",
  },
  {
    name: "Registro de Trazabilidad",
    description: "Cada envío y recepción de datos por la red, desde ambos nodos, consultable por las instituciones y por cada persona sobre sus datos.",
    availability: "EN_DESARROLLO",
  },
  {
    name: "Nodos y configuración de la red",
    description: "Registro de los nodos de cada institución, sus claves públicas y la configuración firmada que los nodos obedecen. Se gestionan desde el área de cada institución, con ClaveÚnica.",
    availability: "DISPONIBLE",
    href: "/institucion",
  },
];

export const AVAILABILITY_LABELS: Record<Availability, string> = {
  DISPONIBLE: "Disponible",
  EN_DESARROLLO: "En desarrollo",
};
