import type { GradualityGroup, InstitutionKind, OnboardingStage } from "@/lib/generated/prisma/enums";

export const KIND_LABELS: Record<InstitutionKind, string> = {
  MINISTERIO: "Ministerio",
  SERVICIO_PUBLICO: "Servicio público",
  CONTRALORIA: "Contraloría",
  FFAA_ORDEN_SEGURIDAD: "Fuerzas Armadas y de Orden y Seguridad",
  DELEGACION_PRESIDENCIAL: "Delegación presidencial",
  GOBIERNO_REGIONAL: "Gobierno regional",
  MUNICIPALIDAD: "Municipalidad",
};

export const GROUP_LABELS: Record<GradualityGroup, string> = { A: "Grupo A", B: "Grupo B", C: "Grupo C" };

/** The steps of joining the network, as the platform team describes them. */
export const ONBOARDING_STAGES: { stage: OnboardingStage; label: string; description: string }[] = [
  { stage: "NO_INICIADO", label: "No iniciado", description: "La institución aún no solicita incorporarse a la red." },
  { stage: "REUNION_SOLICITADA", label: "Reunión solicitada", description: "Pidió una reunión con el equipo de interoperabilidad para conocer los requisitos." },
  { stage: "ACUERDO", label: "Acuerdo", description: "Gestiona los acuerdos con las instituciones con que intercambiará datos." },
  { stage: "NODO_DESARROLLO", label: "Nodo de desarrollo", description: "Instaló un nodo en el ambiente de desarrollo." },
  { stage: "PRUEBAS_CONECTIVIDAD", label: "Pruebas de conectividad", description: "Realiza pruebas de conectividad con sus contrapartes." },
  { stage: "PRODUCCION", label: "Producción", description: "Opera en producción con un nodo productivo." },
];

export const ONBOARDING_LABELS = Object.fromEntries(ONBOARDING_STAGES.map((s) => [s.stage, s.label])) as Record<OnboardingStage, string>;

/** ISO 3166-2:CL regions. */
export const REGION_LABELS: Record<string, string> = {
  "CL-AP": "Arica y Parinacota",
  "CL-TA": "Tarapacá",
  "CL-AN": "Antofagasta",
  "CL-AT": "Atacama",
  "CL-CO": "Coquimbo",
  "CL-VS": "Valparaíso",
  "CL-RM": "Metropolitana de Santiago",
  "CL-LI": "Libertador General Bernardo O'Higgins",
  "CL-ML": "Maule",
  "CL-NB": "Ñuble",
  "CL-BI": "Biobío",
  "CL-AR": "La Araucanía",
  "CL-LR": "Los Ríos",
  "CL-LL": "Los Lagos",
  "CL-AI": "Aysén del General Carlos Ibáñez del Campo",
  "CL-MA": "Magallanes y de la Antártica Chilena",
};
