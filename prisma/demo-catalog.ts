/**
 * The demo catalog (local demo and tests only): procedures, data items covering every
 * classification, and services from several providers, as an institution would publish them.
 * Entries are created when missing and never overwritten, so what people change in the demo stays.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ApprovalPolicy, Classification, DataNature, LifecycleStatus, UpdateFrequency } from "@/lib/generated/prisma/enums";
import { dataItemSearchText, procedureSearchText, serviceSearchText } from "@/lib/catalog/search-text";

type Tx = Prisma.TransactionClient;

/** Officials named responsible for data and services (they never sign in to the demo). */
export const DEMO_OFFICIALS = [
  { run: "9876543-3", givenNames: "Claudia Andrea", familyNames: "Reyes Fuentealba", institution: "SII" },
  { run: "8765432-K", givenNames: "Marcelo Antonio", familyNames: "Vidal Contreras", institution: "FONASA" },
  { run: "7654321-6", givenNames: "Francisca Belén", familyNames: "Araya Muñoz", institution: "IPS" },
  { run: "6543210-2", givenNames: "Gonzalo Ignacio", familyNames: "Pizarro León", institution: "MINEDUC" },
  { run: "5432109-0", givenNames: "Daniela Paz", familyNames: "Soto Carrasco", institution: "SML" },
];

const PROCEDURES = [
  { code: "CPAT-MUN-0101", institution: "MUN-SANTIAGO", name: "Obtención del permiso de circulación", law: "Decreto Ley 3.063, de Rentas Municipales; Ley 18.290, de Tránsito", interop: true, consent: false, description: "Pago y emisión del permiso de circulación de vehículos motorizados." },
  { code: "CPAT-MUN-0210", institution: "MUN-SANTIAGO", name: "Otorgamiento de patente comercial", law: "Decreto Ley 3.063, de Rentas Municipales", interop: true, consent: false, description: "Autorización municipal para ejercer una actividad comercial en la comuna." },
  { code: "CPAT-MDSF-0005", institution: "MDSF", name: "Ingreso y actualización del Registro Social de Hogares", law: "Ley 20.379; Decreto Supremo 22 de 2015 (MDSF)", interop: true, consent: true, description: "Caracterización socioeconómica de los hogares para acceder a prestaciones sociales." },
  { code: "CPAT-MINVU-0031", institution: "MINVU", name: "Postulación al subsidio habitacional DS 49", law: "Decreto Supremo 49 de 2011 (V. y U.)", interop: true, consent: false, description: "Postulación al Fondo Solidario de Elección de Vivienda." },
  { code: "CPAT-JUNAEB-0012", institution: "JUNAEB", name: "Postulación a la Beca de Alimentación para la Educación Superior", law: "Ley 15.720", interop: true, consent: false, description: "Beneficio de alimentación para estudiantes de educación superior." },
  { code: "CPAT-IPS-0020", institution: "IPS", name: "Solicitud de la Pensión Garantizada Universal", law: "Ley 21.419", interop: true, consent: false, description: "Pensión no contributiva para personas de 65 años o más que cumplen los requisitos." },
];

type Attr = { name: string; type: "string" | "integer" | "number" | "boolean" | "date" | "date-time" | "object" | "array"; description: string };
type Item = {
  institution: string;
  code: string;
  name: string;
  description: string;
  classification: Classification;
  responsible: string;
  frequency: UpdateFrequency;
  nature: DataNature;
  attributes: Attr[];
  status?: LifecycleStatus;
};

const ITEMS: Item[] = [
  { institution: "SRCEI", code: "run", name: "RUN de la persona", description: "Rol Único Nacional asignado por el Servicio de Registro Civil e Identificación.", classification: "PERSONAL", responsible: "12345678-5", frequency: "TIEMPO_REAL", nature: "MAESTRO", attributes: [{ name: "numero", type: "integer", description: "Número del RUN" }, { name: "dv", type: "string", description: "Dígito verificador" }] },
  { institution: "SRCEI", code: "nombre-completo", name: "Nombre completo", description: "Nombres y apellidos de la persona según su inscripción de nacimiento.", classification: "PERSONAL", responsible: "13579246-2", frequency: "TIEMPO_REAL", nature: "MAESTRO", attributes: [{ name: "nombres", type: "array", description: "Nombres" }, { name: "apellidos", type: "array", description: "Apellidos paterno y materno" }] },
  { institution: "SRCEI", code: "fecha-nacimiento", name: "Fecha de nacimiento", description: "Fecha de nacimiento inscrita en el Registro Civil.", classification: "PERSONAL", responsible: "13579246-2", frequency: "TIEMPO_REAL", nature: "MAESTRO", attributes: [{ name: "fechaNacimiento", type: "date", description: "Fecha de nacimiento" }] },
  { institution: "SRCEI", code: "certificado-nacimiento", name: "Certificado de nacimiento", description: "Certificado de nacimiento con firma electrónica avanzada, en PDF.", classification: "PERSONAL", responsible: "12345678-5", frequency: "TIEMPO_REAL", nature: "DOCUMENTAL", attributes: [{ name: "folio", type: "string", description: "Folio del certificado" }, { name: "documento", type: "string", description: "PDF en base64" }, { name: "emitidoEn", type: "date-time", description: "Fecha y hora de emisión" }] },
  { institution: "SRCEI", code: "filiacion", name: "Filiación", description: "Padre y madre inscritos de la persona, con sus RUN.", classification: "PERSONAL", responsible: "13579246-2", frequency: "TIEMPO_REAL", nature: "MAESTRO", attributes: [{ name: "madre", type: "object", description: "RUN y nombre de la madre" }, { name: "padre", type: "object", description: "RUN y nombre del padre" }] },
  { institution: "SRCEI", code: "discapacidad-rnd", name: "Inscripción en el Registro Nacional de la Discapacidad", description: "Si la persona está inscrita en el Registro Nacional de la Discapacidad, con su grado y vigencia. Dato de salud: sensible.", classification: "SENSIBLE", responsible: "12345678-5", frequency: "DIARIA", nature: "MAESTRO", attributes: [{ name: "inscrita", type: "boolean", description: "Si tiene inscripción vigente" }, { name: "grado", type: "string", description: "Grado de discapacidad" }, { name: "vigenteHasta", type: "date", description: "Fin de vigencia de la credencial" }] },
  { institution: "SII", code: "situacion-tributaria", name: "Situación tributaria del contribuyente", description: "Actividades económicas, categoría y observaciones tributarias del contribuyente. Protegido por la reserva tributaria (art. 35 del Código Tributario).", classification: "RESERVADO", responsible: "9876543-3", frequency: "DIARIA", nature: "TRANSACCIONAL", attributes: [{ name: "actividades", type: "array", description: "Códigos de actividad económica" }, { name: "categoria", type: "string", description: "Primera o segunda categoría" }, { name: "observaciones", type: "boolean", description: "Si tiene observaciones vigentes" }] },
  { institution: "SII", code: "inicio-actividades", name: "Inicio de actividades", description: "Fecha de inicio de actividades ante el SII.", classification: "PERSONAL", responsible: "9876543-3", frequency: "DIARIA", nature: "TRANSACCIONAL", attributes: [{ name: "fechaInicio", type: "date", description: "Fecha de inicio de actividades" }] },
  { institution: "FONASA", code: "tramo", name: "Tramo de FONASA", description: "Tramo de la persona en el Fondo Nacional de Salud (A, B, C o D). Dato de salud: sensible.", classification: "SENSIBLE", responsible: "8765432-K", frequency: "MENSUAL", nature: "MAESTRO", attributes: [{ name: "tramo", type: "string", description: "A, B, C o D" }, { name: "vigenteDesde", type: "date", description: "Inicio de vigencia del tramo" }] },
  { institution: "FONASA", code: "beneficiarios-por-tramo", name: "Beneficiarios de FONASA por tramo y comuna", description: "Número de beneficiarios por tramo, sexo y comuna, publicado como dato abierto.", classification: "ESTADISTICO", responsible: "8765432-K", frequency: "MENSUAL", nature: "REFERENCIAL", attributes: [{ name: "comuna", type: "string", description: "Código de comuna" }, { name: "tramo", type: "string", description: "Tramo" }, { name: "beneficiarios", type: "integer", description: "Cantidad" }] },
  { institution: "IPS", code: "pgu-estado", name: "Estado de la Pensión Garantizada Universal", description: "Si la persona recibe la PGU, desde cuándo y por qué monto.", classification: "PERSONAL", responsible: "7654321-6", frequency: "MENSUAL", nature: "TRANSACCIONAL", attributes: [{ name: "beneficiaria", type: "boolean", description: "Si recibe la PGU" }, { name: "monto", type: "integer", description: "Monto mensual en pesos" }, { name: "desde", type: "date", description: "Fecha de concesión" }] },
  { institution: "IPS", code: "pension-invalidez", name: "Pensión de invalidez", description: "Si la persona recibe una pensión básica solidaria de invalidez. Revela su estado de salud: sensible.", classification: "SENSIBLE", responsible: "7654321-6", frequency: "MENSUAL", nature: "TRANSACCIONAL", attributes: [{ name: "beneficiaria", type: "boolean", description: "Si recibe la pensión" }, { name: "desde", type: "date", description: "Fecha de concesión" }] },
  { institution: "MINEDUC", code: "matricula-escolar", name: "Matrícula escolar", description: "Establecimiento, curso y año de la matrícula vigente de un estudiante.", classification: "PERSONAL", responsible: "6543210-2", frequency: "DIARIA", nature: "TRANSACCIONAL", attributes: [{ name: "rbd", type: "integer", description: "Rol base de datos del establecimiento" }, { name: "curso", type: "string", description: "Curso" }, { name: "anio", type: "integer", description: "Año escolar" }] },
  { institution: "MINEDUC", code: "matricula-por-comuna", name: "Matrícula escolar por comuna", description: "Número de estudiantes matriculados por comuna, dependencia y nivel.", classification: "ESTADISTICO", responsible: "6543210-2", frequency: "ANUAL", nature: "REFERENCIAL", attributes: [{ name: "comuna", type: "string", description: "Código de comuna" }, { name: "nivel", type: "string", description: "Nivel de enseñanza" }, { name: "matricula", type: "integer", description: "Estudiantes" }] },
  { institution: "MUN-SANTIAGO", code: "permiso-circulacion", name: "Permiso de circulación", description: "Permisos de circulación pagados en la comuna, por patente del vehículo y su propietario.", classification: "PERSONAL", responsible: "16543210-K", frequency: "DIARIA", nature: "TRANSACCIONAL", attributes: [{ name: "patente", type: "string", description: "Placa patente única" }, { name: "anio", type: "integer", description: "Año del permiso" }, { name: "pagado", type: "boolean", description: "Si está pagado" }] },
  { institution: "MUN-SANTIAGO", code: "patentes-vigentes", name: "Patentes comerciales vigentes", description: "Registro público de las patentes comerciales vigentes en la comuna.", classification: "OTRO", responsible: "16543210-K", frequency: "SEMANAL", nature: "REFERENCIAL", attributes: [{ name: "rol", type: "string", description: "Rol de la patente" }, { name: "giro", type: "string", description: "Giro autorizado" }, { name: "direccion", type: "string", description: "Dirección del local" }] },
  { institution: "SML", code: "informe-autopsia", name: "Informe de autopsia", description: "Informe médico-legal de autopsia, sujeto a secreto durante la investigación (art. 182 del Código Procesal Penal).", classification: "SECRETO", responsible: "5432109-0", frequency: "EVENTUAL", nature: "DOCUMENTAL", attributes: [{ name: "folio", type: "string", description: "Folio del informe" }, { name: "documento", type: "string", description: "Informe en PDF (base64)" }] },
];

type Svc = {
  institution: string;
  code: string;
  major: number;
  name: string;
  description: string;
  tps: number;
  availability: number;
  approval: ApprovalPolicy;
  responsible: string;
  inputs: string[];
  outputs: string[];
  procedures: string[];
  status: LifecycleStatus;
  reason?: string;
  endpoints: { method: "get" | "post"; path: string; summary: string }[];
};

const SERVICES: Svc[] = [
  { institution: "SRCEI", code: "certificado-nacimiento", major: 1, name: "Certificado de nacimiento", description: "Entrega el certificado de nacimiento de una persona, con su filiación y fecha de nacimiento, firmado electrónicamente.", tps: 50, availability: 99.5, approval: "MANUAL", responsible: "12345678-5", inputs: ["SRCEI/run"], outputs: ["SRCEI/certificado-nacimiento", "SRCEI/filiacion", "SRCEI/fecha-nacimiento"], procedures: ["CPAT-MDSF-0005", "CPAT-JUNAEB-0012"], status: "PUBLISHED", endpoints: [{ method: "get", path: "/certificados/{run}", summary: "Certificado de nacimiento de la persona" }] },
  { institution: "SRCEI", code: "identidad", major: 1, name: "Datos de identidad", description: "Nombre completo y fecha de nacimiento de una persona a partir de su RUN.", tps: 200, availability: 99.9, approval: "MANUAL", responsible: "13579246-2", inputs: ["SRCEI/run"], outputs: ["SRCEI/nombre-completo", "SRCEI/fecha-nacimiento"], procedures: ["CPAT-MUN-0101", "CPAT-IPS-0020", "CPAT-MINVU-0031"], status: "PUBLISHED", endpoints: [{ method: "get", path: "/personas/{run}", summary: "Identidad de la persona" }] },
  { institution: "SRCEI", code: "discapacidad", major: 1, name: "Inscripción en el Registro Nacional de la Discapacidad", description: "Indica si una persona tiene inscripción vigente en el Registro Nacional de la Discapacidad. Requiere el consentimiento de la persona.", tps: 20, availability: 99.0, approval: "MANUAL", responsible: "12345678-5", inputs: ["SRCEI/run"], outputs: ["SRCEI/discapacidad-rnd"], procedures: ["CPAT-MDSF-0005"], status: "PUBLISHED", endpoints: [{ method: "get", path: "/discapacidad/{run}", summary: "Inscripción vigente en el RND" }] },
  { institution: "SII", code: "situacion-tributaria", major: 1, name: "Situación tributaria", description: "Actividades económicas, categoría e inicio de actividades de un contribuyente, para trámites municipales y sociales.", tps: 30, availability: 99.5, approval: "MANUAL", responsible: "9876543-3", inputs: ["SRCEI/run"], outputs: ["SII/situacion-tributaria", "SII/inicio-actividades"], procedures: ["CPAT-MUN-0210"], status: "PUBLISHED", endpoints: [{ method: "get", path: "/contribuyentes/{run}/situacion", summary: "Situación tributaria del contribuyente" }] },
  { institution: "FONASA", code: "tramo", major: 1, name: "Tramo de salud FONASA", description: "Tramo de FONASA de una persona beneficiaria. Dato de salud: exige el consentimiento de la persona.", tps: 40, availability: 99.5, approval: "MANUAL", responsible: "8765432-K", inputs: ["SRCEI/run"], outputs: ["FONASA/tramo"], procedures: ["CPAT-MDSF-0005"], status: "PUBLISHED", endpoints: [{ method: "get", path: "/beneficiarios/{run}/tramo", summary: "Tramo vigente" }] },
  { institution: "FONASA", code: "beneficiarios-por-tramo", major: 1, name: "Beneficiarios por tramo y comuna (datos abiertos)", description: "Estadística mensual de beneficiarios de FONASA por tramo, sexo y comuna. Datos abiertos: el acuerdo queda vigente al solicitarlo.", tps: 10, availability: 98.0, approval: "AUTOMATIC", responsible: "8765432-K", inputs: [], outputs: ["FONASA/beneficiarios-por-tramo"], procedures: [], status: "PUBLISHED", endpoints: [{ method: "get", path: "/estadisticas/beneficiarios", summary: "Beneficiarios por tramo y comuna" }] },
  { institution: "IPS", code: "pgu", major: 1, name: "Estado de la Pensión Garantizada Universal", description: "Si una persona recibe la PGU y desde cuándo. Reemplazado por la versión 2, que informa también el monto.", tps: 30, availability: 99.0, approval: "MANUAL", responsible: "7654321-6", inputs: ["SRCEI/run"], outputs: ["IPS/pgu-estado"], procedures: ["CPAT-IPS-0020"], status: "DEPRECATED", reason: "Reemplazado por IPS/pgu/v2, que agrega el monto; migrar antes de fin de año.", endpoints: [{ method: "get", path: "/pgu/{run}", summary: "Estado de la PGU" }] },
  { institution: "IPS", code: "pgu", major: 2, name: "Estado y monto de la Pensión Garantizada Universal", description: "Si una persona recibe la PGU, desde cuándo y por qué monto mensual.", tps: 60, availability: 99.5, approval: "MANUAL", responsible: "7654321-6", inputs: ["SRCEI/run"], outputs: ["IPS/pgu-estado"], procedures: ["CPAT-IPS-0020", "CPAT-MINVU-0031"], status: "PUBLISHED", endpoints: [{ method: "get", path: "/pgu/{run}", summary: "Estado y monto de la PGU" }] },
  { institution: "IPS", code: "pension-invalidez", major: 1, name: "Pensión de invalidez", description: "Si una persona recibe una pensión de invalidez. Revela su estado de salud: exige consentimiento.", tps: 20, availability: 99.0, approval: "MANUAL", responsible: "7654321-6", inputs: ["SRCEI/run"], outputs: ["IPS/pension-invalidez"], procedures: ["CPAT-MDSF-0005"], status: "PUBLISHED", endpoints: [{ method: "get", path: "/invalidez/{run}", summary: "Pensión de invalidez vigente" }] },
  { institution: "MINEDUC", code: "matricula-escolar", major: 1, name: "Matrícula escolar", description: "Establecimiento, curso y año de la matrícula vigente de un estudiante.", tps: 100, availability: 99.5, approval: "MANUAL", responsible: "6543210-2", inputs: ["SRCEI/run"], outputs: ["MINEDUC/matricula-escolar"], procedures: ["CPAT-JUNAEB-0012", "CPAT-MDSF-0005"], status: "PUBLISHED", endpoints: [{ method: "get", path: "/estudiantes/{run}/matricula", summary: "Matrícula vigente" }] },
  { institution: "MINEDUC", code: "matricula-por-comuna", major: 1, name: "Matrícula escolar por comuna (datos abiertos)", description: "Estadística anual de matrícula por comuna, dependencia y nivel de enseñanza.", tps: 10, availability: 98.0, approval: "AUTOMATIC", responsible: "6543210-2", inputs: [], outputs: ["MINEDUC/matricula-por-comuna"], procedures: [], status: "PUBLISHED", endpoints: [{ method: "get", path: "/estadisticas/matricula", summary: "Matrícula por comuna" }] },
  { institution: "MUN-SANTIAGO", code: "permiso-circulacion", major: 1, name: "Permisos de circulación", description: "Si un vehículo tiene su permiso de circulación pagado en Santiago, y para qué año.", tps: 25, availability: 99.0, approval: "MANUAL", responsible: "16543210-K", inputs: [], outputs: ["MUN-SANTIAGO/permiso-circulacion"], procedures: ["CPAT-MUN-0101"], status: "PUBLISHED", endpoints: [{ method: "get", path: "/permisos/{patente}", summary: "Permiso de circulación de un vehículo" }] },
  { institution: "MUN-SANTIAGO", code: "patentes-comerciales", major: 1, name: "Patentes comerciales vigentes", description: "Consulta del registro de patentes comerciales vigentes en la comuna de Santiago.", tps: 10, availability: 98.5, approval: "MANUAL", responsible: "16543210-K", inputs: [], outputs: ["MUN-SANTIAGO/patentes-vigentes"], procedures: ["CPAT-MUN-0210"], status: "DRAFT", endpoints: [{ method: "get", path: "/patentes", summary: "Patentes vigentes" }] },
];

function openapiFor(s: Svc) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of s.endpoints) {
    const params = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    paths[e.path] = {
      [e.method]: {
        operationId: `${e.method}${e.path.replace(/[^a-zA-Z]+(\w)?/g, (_x, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
        summary: e.summary,
        parameters: params,
        responses: { "200": { description: "Respuesta exitosa" }, "404": { description: "No encontrado" } },
      },
    };
  }
  return { openapi: "3.1.0", info: { title: s.name, version: `${s.major}.0.0` }, paths };
}

const SEED_REASON = "Carga inicial del catálogo de demostración";

/** When the demo's services were published. */
const DEMO_PUBLISHED_AT = new Date("2026-10-01T12:00:00Z");

export async function seedDemoCatalog(tx: Tx): Promise<{ procedures: number; dataItems: number; services: number }> {
  for (const o of DEMO_OFFICIALS) {
    await tx.person.upsert({ where: { run: o.run }, create: { run: o.run, givenNames: o.givenNames, familyNames: o.familyNames }, update: {} });
    await tx.membership.upsert({
      where: { personRun_institutionCode: { personRun: o.run, institutionCode: o.institution } },
      create: { personRun: o.run, institutionCode: o.institution, role: "INSTITUTION_STAFF" },
      update: {},
    });
  }
  const institutions = new Map((await tx.institution.findMany({ select: { code: true, name: true } })).map((i) => [i.code, i]));
  const inst = (code: string) => institutions.get(code)!;
  const event = (entityType: "SERVICE" | "DATA_ITEM" | "PROCEDURE", entityId: string, action: string, from: string | null, to: string, reason: string, at?: Date) =>
    tx.lifecycleEvent.create({ data: { entityType, entityId, action, fromStatus: from, toStatus: to, reason, at } });

  for (const p of PROCEDURES) {
    if (await tx.procedure.findUnique({ where: { code: p.code }, select: { code: true } })) continue;
    await tx.procedure.create({
      data: {
        code: p.code,
        institutionCode: p.institution,
        name: p.name,
        description: p.description,
        originatingLaw: p.law,
        needsInteroperability: p.interop,
        needsConsent: p.consent,
        searchText: procedureSearchText({ code: p.code, description: p.description, originatingLaw: p.law }, inst(p.institution)),
      },
    });
    await event("PROCEDURE", p.code, "create", null, "VIGENTE", SEED_REASON);
  }
  for (const d of ITEMS) {
    const id = `${d.institution}/${d.code}`;
    if (await tx.dataItem.findUnique({ where: { id }, select: { id: true } })) continue;
    await tx.dataItem.create({
      data: {
        id,
        institutionCode: d.institution,
        code: d.code,
        name: d.name,
        description: d.description,
        attributes: d.attributes,
        classification: d.classification,
        responsibleRun: d.responsible,
        updateFrequency: d.frequency,
        lastUpdatedOn: new Date("2026-11-01T00:00:00Z"),
        nature: d.nature,
        status: "PUBLISHED",
        searchText: dataItemSearchText({ id, ...d }, inst(d.institution)),
      },
    });
    await event("DATA_ITEM", id, "create", null, "DRAFT", SEED_REASON);
    await event("DATA_ITEM", id, "publish", "DRAFT", "PUBLISHED", SEED_REASON);
  }
  const itemNames = new Map(ITEMS.map((d) => [`${d.institution}/${d.code}`, d.name]));
  const procNames = new Map(PROCEDURES.map((p) => [p.code, p.name]));
  for (const s of SERVICES) {
    const id = `${s.institution}/${s.code}/v${s.major}`;
    if (await tx.service.findUnique({ where: { id }, select: { id: true } })) continue;
    await tx.service.create({
      data: {
        id,
        institutionCode: s.institution,
        code: s.code,
        major: s.major,
        name: s.name,
        description: s.description,
        status: s.status,
        tps: s.tps,
        availability: s.availability,
        approvalPolicy: s.approval,
        responsibleRun: s.responsible,
        openapi: openapiFor(s) as Prisma.InputJsonObject,
        environments: ["dev", "prod"],
        publishedAt: s.status === "DRAFT" ? null : DEMO_PUBLISHED_AT,
        searchText: serviceSearchText({ id, code: s.code, description: s.description }, inst(s.institution), [...s.inputs, ...s.outputs].map((i) => itemNames.get(i)!), s.procedures.map((p) => procNames.get(p)!)),
        dataItems: { create: [...s.inputs.map((dataItemId) => ({ dataItemId, direction: "INPUT" as const })), ...s.outputs.map((dataItemId) => ({ dataItemId, direction: "OUTPUT" as const }))] },
        procedures: { create: s.procedures.map((procedureCode) => ({ procedureCode })) },
      },
    });
    await event("SERVICE", id, "create", null, "DRAFT", SEED_REASON);
    // The publication event carries the same date as the column: the page shows the event's.
    if (s.status !== "DRAFT") await event("SERVICE", id, "publish", "DRAFT", "PUBLISHED", SEED_REASON, DEMO_PUBLISHED_AT);
    if (s.status === "DEPRECATED") await event("SERVICE", id, "deprecate", "PUBLISHED", "DEPRECATED", s.reason ?? SEED_REASON);
  }
  return { procedures: PROCEDURES.length, dataItems: ITEMS.length, services: SERVICES.length };
}
