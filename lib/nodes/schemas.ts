import { checkNodeUrl, NODE_NAME_PATTERN } from "@pisee/node-agent/shared";
import { ZEnvironment } from "@/lib/fields";
import { ZInstitutionCode } from "@/lib/fields";
import { z, zText } from "@/lib/zod";

/** A node's name as it appears in a path (existing nodes). */
const ZNodeNameInPath = z
  .string()
  .regex(NODE_NAME_PATTERN, "Nombre inválido: minúsculas, dígitos y guiones; hasta 32 caracteres, sin empezar con guion")
  .meta({ example: "nodo-1" });

/** A new node's name: `nuevo` is taken by the portal's page /institucion/{code}/nodos/nuevo. */
export const ZNodeName = ZNodeNameInPath.refine((n) => n !== "nuevo", "«nuevo» es un nombre reservado: elija otro");

export const ZNodeCreate = z
  .object({
    institution: ZInstitutionCode,
    name: ZNodeName,
    environment: ZEnvironment,
    baseUrl: zText()
      .max(300, "Máximo 300 caracteres")
      .trim()
      .meta({
        description:
          "Origen público del puerto de red del nodo: esquema, servidor y puerto, sin ruta (PROTOCOL.md §2). En producción, https y un servidor público (no local, de enlace local, no especificado ni de multidifusión; redes privadas solo si la instalación lo permite).",
        example: "https://nodo.srcei.cl",
      }),
  })
  .superRefine((v, ctx) => {
    // The network's rule for node URLs (PROTOCOL.md §2), also in the browser; whether private
    // networks are allowed is the deployment's setting, checked by the service.
    const url = checkNodeUrl(v.baseUrl, v.environment, { allowPrivate: true });
    if (!url.ok) ctx.addIssue({ code: "custom", path: ["baseUrl"], message: url.message, input: v.baseUrl });
  })
  .meta({ id: "NodeCreate" });
export type TNodeCreate = z.infer<typeof ZNodeCreate>;

const ZJwk = z.record(z.string(), z.unknown());

export const ZNodeKeysSubmission = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{20,200}$/, "Token inválido").meta({ description: "Token de un solo uso entregado por el portal" }),
    jwks: z.object({ keys: z.array(ZJwk).length(2, "Envíe exactamente dos claves: una de firma (sig) y una de cifrado (enc)") }),
  })
  .meta({ id: "NodeKeysSubmission" });
export type TNodeKeysSubmission = z.infer<typeof ZNodeKeysSubmission>;

export const ZNode = z
  .object({
    id: z.string(),
    institution: z.object({ code: z.string(), name: z.string() }),
    name: z.string(),
    environment: ZEnvironment,
    baseUrl: z.string(),
    status: z.enum(["PENDING", "ACTIVE", "REVOKED"]),
    keys: z.array(z.object({ kid: z.string(), use: z.enum(["sig", "enc"]), createdAt: z.string(), retireAfter: z.string().nullable() })),
    tokenPending: z.object({ purpose: z.enum(["register", "rotate"]), expiresAt: z.string() }).nullable(),
    createdAt: z.string(),
    activatedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    revokedReason: z.string().nullable(),
  })
  .meta({ id: "Node" });
export type TNode = z.infer<typeof ZNode>;

export const ZNodeWithToken = z
  .object({ node: ZNode, token: z.string().meta({ description: "Se muestra una sola vez" }), expiresAt: z.string() })
  .meta({ id: "NodeWithToken" });

export const ZRegistration = z
  .object({
    nodeId: z.string(),
    environment: ZEnvironment,
    networkConfigUrl: z.string(),
    tracesUrl: z.string(),
    kids: z.array(z.string()),
  })
  .meta({ id: "NodeRegistration" });
export type TRegistration = z.infer<typeof ZRegistration>;

export const ZNodeIdParams = z.object({ institution: ZInstitutionCode, node: ZNodeNameInPath });
