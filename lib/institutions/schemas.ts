import { z, zQueryInt, zText } from "@/lib/zod";
import { ZInstitutionCode } from "@/lib/fields";

export { ZInstitutionCode };
import { GradualityGroup, InstitutionKind, OnboardingStage } from "@/lib/generated/prisma/enums";

export const ZGradualityGroup = z.enum(GradualityGroup).meta({ id: "GradualityGroup", description: "Grupo de gradualidad de la Ley 21.464" });
export const ZInstitutionKind = z.enum(InstitutionKind).meta({ id: "InstitutionKind", description: "Tipo de órgano" });
export const ZOnboardingStage = z.enum(OnboardingStage).meta({ id: "OnboardingStage", description: "Etapa de incorporación a la red" });

export const ZInstitutionListQuery = z.object({
  q: zText().max(100, "La búsqueda admite hasta 100 caracteres").trim().optional().meta({ description: "Texto a buscar en el nombre o el código; sin distinguir tildes ni mayúsculas" }),
  group: ZGradualityGroup.optional(),
  kind: ZInstitutionKind.optional(),
  page: zQueryInt(1, 10_000).default(1).meta({ description: "Página, desde 1" }),
  pageSize: zQueryInt(1, 100).default(20).meta({ description: "Resultados por página (1 a 100)" }),
});
export type TInstitutionListQuery = z.infer<typeof ZInstitutionListQuery>;

export const ZGroupDeadline = z
  .object({
    group: ZGradualityGroup,
    year: z.number().int().meta({ description: "Año en que el grupo debe cumplir" }),
    duty: z.string().meta({ description: "Obligación que debe cumplir" }),
    members: z.string().meta({ description: "Quiénes integran el grupo" }),
  })
  .meta({ id: "GroupDeadline" });
export type TGroupDeadline = z.infer<typeof ZGroupDeadline>;

export const ZInstitution = z
  .object({
    code: ZInstitutionCode,
    name: z.string(),
    kind: ZInstitutionKind,
    region: z.string().nullable().meta({ description: "Región (ISO 3166-2:CL), cuando se conoce" }),
    group: ZGradualityGroup,
    deadline: z
      .object({
        year: z.number().int(),
        duty: z.string(),
        passed: z.boolean().meta({ description: "El año del plazo terminó y la institución aún no está en producción" }),
      })
      .meta({ description: "Plazo y obligación de su grupo" }),
    // The recorded stage, or the one the facts (agreements, active nodes) show when it is later.
    onboardingStage: ZOnboardingStage,
  })
  .meta({ id: "Institution" });
export type TInstitution = z.infer<typeof ZInstitution>;

export const ZInstitutionPage = z
  .object({
    data: z.array(ZInstitution),
    pagination: z.object({
      page: z.number().int(),
      pageSize: z.number().int(),
      total: z.number().int(),
      totalPages: z.number().int(),
    }),
  })
  .meta({ id: "InstitutionPage" });
export type TInstitutionPage = z.infer<typeof ZInstitutionPage>;
