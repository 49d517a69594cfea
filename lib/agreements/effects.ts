import "server-only";
import { addBusinessDays, deadlineAfter, endOfLocalDay, localDateOf } from "@/lib/agreements/business-days";
import { noteAbout, recordEvent, signingSide, type AgreementRow, type Tx } from "@/lib/agreements/rows";
import type { TAgreementTransition } from "@/lib/agreements/schemas";
import {
  ANSWER_BUSINESS_DAYS,
  EXTENSION_BUSINESS_DAYS,
  stepsOf,
  suspendingParty,
  type AgreementAction,
  type AgreementFacts,
  type FollowUpAction,
  type Party,
  type Step,
} from "@/lib/agreements/transitions";
import type { Actor } from "@/lib/auth/session";
import { AppError, ValidationError, type ErrorIssue } from "@/lib/errors";
import { formatNumber, serviceInSentence } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { notify, type NewNotification } from "@/lib/notifications/service";

/**
 * What each action (and each follow-up step of the table) does besides moving the agreement:
 * the columns it sets, the data its event records, the signatures it writes, the notifications
 * it sends. Where the agreement ends up is the table's business (`stepsOf` in transitions.ts);
 * `applyAction` writes that state, one event per step, and the notifications.
 */
export type Payload = Omit<TAgreementTransition, "action">;

type Context = {
  tx: Tx;
  row: AgreementRow;
  payload: Payload;
  actor: Actor | null;
  parties: ReadonlySet<Party>;
  now: Date;
  /** The steps the table decided (the action first). */
  steps: Step[];
  /** The columns set so far by the earlier steps. */
  changes: Prisma.AgreementUncheckedUpdateInput;
};

type Result = {
  data?: Prisma.AgreementUncheckedUpdateInput;
  eventData?: Prisma.InputJsonValue;
  /** The event's reason when the system acts (a person's reason comes from the payload). */
  reason?: string;
  notes?: NewNotification[];
};

type Effect = {
  /** The facts once this action is done, where it changes them (a signature counts). */
  factsAfter?: (row: AgreementRow) => Partial<AgreementFacts>;
  run: (ctx: Context) => Promise<Result> | Result;
};

const serviceWords = (row: AgreementRow) => serviceInSentence(row.service.name, row.environment);
const endOf = (date: Date | null) => (date ? endOfLocalDay(date.toISOString().slice(0, 10)) : null);

async function standardTerms(tx: Tx) {
  const terms = await tx.standardTerms.findFirst({ orderBy: { version: "desc" } });
  if (!terms) throw new Error("Standard terms are missing: run the seed.");
  return terms;
}

/** Fixes service levels and terms when a request is accepted (by the provider or in mediation). */
async function acceptance(ctx: Context): Promise<Result> {
  const { row, payload } = ctx;
  const issues: ErrorIssue[] = [];
  if (payload.grantedTps === undefined) issues.push({ path: "grantedTps", message: "Indique las TPS otorgadas." });
  else if (payload.grantedTps > row.service.tps) issues.push({ path: "grantedTps", message: `No puede exceder las ${row.service.tps} TPS que el servicio compromete.` });
  let termsDocumentId: string | null = null;
  let standardTermsVersion: number | null = null;
  let termsSha256 = "";
  if (payload.terms?.kind === "DOCUMENT") {
    const documentId = payload.terms.documentId;
    const document = row.documents.find((d) => d.id === documentId);
    if (!document) issues.push({ path: "terms.documentId", message: "El documento de términos debe estar adjunto a este acuerdo." });
    else [termsDocumentId, termsSha256] = [document.id, document.sha256];
  } else {
    const terms = await standardTerms(ctx.tx);
    [standardTermsVersion, termsSha256] = [terms.version, terms.sha256];
  }
  if (issues.length) throw new ValidationError(issues);
  const grantedAvailability = new Prisma.Decimal(payload.grantedAvailability ?? Number(row.service.availability));
  const notes =
    ctx.steps[0]!.action === "mediate_accept"
      ? [noteAbout(row, row.providerCode, "MEDIACION_RESUELTA", "Mediación resuelta", `El equipo de la plataforma aceptó la solicitud: ${payload.reason}`)]
      : [];
  return {
    data: { grantedTps: payload.grantedTps, grantedAvailability, termsDocumentId, standardTermsVersion, termsSha256, validUntil: endOf(row.requestedUntil) },
    eventData: { grantedTps: payload.grantedTps!, grantedAvailability: Number(grantedAvailability), termsSha256 },
    notes,
  };
}

/** Suspend, resume, terminate: who suspended decides who may resume (the table's guard on `resume`). */
function inForceChange(kind: NewNotification["kind"], title: string, participle: string): Effect {
  return {
    run: ({ row, payload, parties, steps }) => {
      const suspendedBy = steps[0]!.action === "suspend" ? suspendingParty(parties) : null;
      const body = `El acuerdo de acceso a ${serviceWords(row)} fue ${participle}: ${payload.reason}`;
      return {
        data: { suspendedBy },
        eventData: suspendedBy ? { suspendedBy } : undefined,
        notes: [row.consumerCode, row.providerCode].map((inst) => noteAbout(row, inst, kind, title, body)),
      };
    },
  };
}

const EFFECTS: Record<AgreementAction | FollowUpAction, Effect> = {
  submit: {
    run: ({ row, now, steps }) => {
      if (steps.length > 1) return { data: { submittedAt: now } }; // open data: in force at once (automatic_approval)
      const dueAt = deadlineAfter(now, ANSWER_BUSINESS_DAYS);
      const body = `${row.consumer.name} solicita acceso a ${serviceWords(row)}. Plazo de respuesta: ${ANSWER_BUSINESS_DAYS} días hábiles.`;
      return {
        data: { submittedAt: now, dueAt },
        eventData: { dueAt: dueAt.toISOString() },
        notes: [
          noteAbout(row, row.providerCode, "SOLICITUD_NUEVA", "Nueva solicitud de acceso", body),
          noteAbout(row, null, "SOLICITUD_NUEVA", "Nueva solicitud en la red", body),
        ],
      };
    },
  },
  automatic_approval: {
    run: async ({ tx, row, now }) => {
      const terms = await standardTerms(tx);
      return {
        data: {
          inForceSince: now,
          grantedTps: row.requestedTps,
          grantedAvailability: row.service.availability,
          standardTermsVersion: terms.version,
          termsSha256: terms.sha256,
          validUntil: endOf(row.requestedUntil),
        },
        notes: [
          noteAbout(row, row.consumerCode, "ACUERDO_VIGENTE", "Acuerdo vigente", `El acceso a ${serviceWords(row)} quedó vigente de inmediato (datos abiertos).`),
          noteAbout(row, row.providerCode, "ACUERDO_VIGENTE", "Acuerdo vigente", `${row.consumer.name} obtuvo acceso a ${serviceWords(row)} (aprobación automática).`),
        ],
      };
    },
  },
  take_up: {
    run: ({ row }) => ({
      notes: [noteAbout(row, row.consumerCode, "SOLICITUD_EN_REVISION", "Solicitud en revisión", `${row.service.institution.name} revisa su solicitud de acceso a ${serviceWords(row)}.`)],
    }),
  },
  accept: { run: acceptance },
  mediate_accept: { run: acceptance },
  await_signatures: {
    run: ({ row, changes }) => {
      const body = `La solicitud de acceso a ${serviceWords(row)} fue aceptada con ${formatNumber(Number(changes.grantedTps ?? row.grantedTps))} TPS. Falta la firma de las jefaturas de servicio.`;
      return { notes: [row.consumerCode, row.providerCode].map((inst) => noteAbout(row, inst, "FIRMA_REQUERIDA", "Firma requerida", body)) };
    },
  },
  reject: {
    run: ({ row, payload }) => ({
      notes: [
        noteAbout(row, row.consumerCode, "SOLICITUD_RESPONDIDA", "Solicitud rechazada", `${row.service.institution.name} rechazó el acceso a ${serviceWords(row)}: ${payload.reason}. Puede pedir mediación.`),
      ],
    }),
  },
  extend: {
    run: ({ row, payload, now }) => {
      if (row.extended) throw new AppError("already_extended");
      const dueAt = endOfLocalDay(addBusinessDays(localDateOf(row.dueAt ?? now), EXTENSION_BUSINESS_DAYS));
      return {
        data: { dueAt, extended: true, deadlineWarnings: 0 },
        eventData: { previousDueAt: row.dueAt?.toISOString() ?? null, dueAt: dueAt.toISOString() },
        notes: [
          noteAbout(row, row.consumerCode, "PLAZO_PRORROGADO", "Plazo prorrogado", `${row.service.institution.name} prorrogó por ${EXTENSION_BUSINESS_DAYS} días hábiles el plazo para responder: ${payload.reason}`),
        ],
      };
    },
  },
  request_mediation: {
    run: ({ row, payload }) => ({
      notes: [
        noteAbout(row, null, "MEDIACION_SOLICITADA", "Mediación solicitada", `${row.consumer.name} pide mediación por su solicitud de acceso a ${serviceWords(row)}: ${payload.reason}`),
        noteAbout(row, row.providerCode, "MEDIACION_SOLICITADA", "Mediación solicitada", `${row.consumer.name} pidió la mediación del equipo de la plataforma.`),
      ],
    }),
  },
  mediate_reject: {
    run: ({ row, payload }) => ({
      notes: [row.consumerCode, row.providerCode].map((inst) =>
        noteAbout(row, inst, "MEDIACION_RESUELTA", "Mediación resuelta", `El equipo de la plataforma rechazó en forma definitiva: ${payload.reason}`),
      ),
    }),
  },
  sign: {
    factsAfter: (row) => ({ signatures: row.signatures.length + 1 }),
    run: async ({ tx, row, actor, parties, now, steps }) => {
      const side = signingSide(row, parties);
      if (!side) throw new AppError("already_signed");
      await tx.agreementSignature.create({ data: { agreementId: row.id, side, signerRun: actor!.run, signedAt: now, termsSha256: row.termsSha256! } });
      const other = side === "CONSUMER" ? row.providerCode : row.consumerCode;
      const notes =
        steps.length > 1
          ? [] // both have signed: in_force tells everyone
          : [noteAbout(row, other, "FIRMA_REQUERIDA", "Falta su firma", `La otra parte firmó el acuerdo de acceso a ${serviceWords(row)}; falta la firma de su jefatura de servicio.`)];
      return { eventData: { side, termsSha256: row.termsSha256 }, notes };
    },
  },
  in_force: {
    run: ({ row, now }) => {
      const body = `El acuerdo de acceso a ${serviceWords(row)} está vigente desde hoy, con ${formatNumber(row.grantedTps ?? 0)} TPS.`;
      return { data: { inForceSince: now }, notes: [row.consumerCode, row.providerCode].map((inst) => noteAbout(row, inst, "ACUERDO_VIGENTE", "Acuerdo vigente", body)) };
    },
  },
  suspend: inForceChange("ACUERDO_SUSPENDIDO", "Acuerdo suspendido", "suspendido"),
  resume: inForceChange("ACUERDO_REANUDADO", "Acuerdo reanudado", "reanudado"),
  terminate: inForceChange("ACUERDO_TERMINADO", "Acuerdo terminado", "terminado"),
  expire: {
    run: ({ row }) => ({
      reason: "El proveedor no respondió dentro del plazo legal",
      notes: [
        noteAbout(row, row.consumerCode, "PLAZO_VENCIDO", "Plazo vencido", `${row.service.institution.name} no respondió a tiempo su solicitud de acceso a ${serviceWords(row)}. Puede pedir mediación.`),
        noteAbout(row, row.providerCode, "PLAZO_VENCIDO", "Plazo vencido", `Venció el plazo para responder la solicitud de ${row.consumer.name}.`),
      ],
    }),
  },
  end: {
    run: ({ row }) => ({
      data: { suspendedBy: null },
      reason: "Llegó su fecha de término",
      notes: [row.consumerCode, row.providerCode].map((inst) =>
        noteAbout(row, inst, "ACUERDO_TERMINADO", "Acuerdo terminado", `El acuerdo de acceso a ${serviceWords(row)} llegó a su fecha de término.`),
      ),
    }),
  },
};

/**
 * Applies an action the table allows (checked by the caller with `decideTransition`) to a locked
 * row: the table's steps, each step's effects, the final state, one event per step (the action's
 * with its actor and reason, the follow-ups' as the system's) and the notifications.
 */
export async function applyAction(tx: Tx, row: AgreementRow, action: AgreementAction, payload: Payload, actor: Actor | null, parties: ReadonlySet<Party>, now: Date): Promise<void> {
  const facts: AgreementFacts = { suspendedBy: row.suspendedBy, approvalPolicy: row.service.approvalPolicy, signatures: row.signatures.length, ...EFFECTS[action].factsAfter?.(row) };
  const steps = stepsOf(row.status, action, facts);
  const ctx: Context = { tx, row, payload, actor, parties, now, steps, changes: {} };
  const results: Result[] = [];
  for (const step of steps) {
    const result = await EFFECTS[step.action].run(ctx);
    results.push(result);
    Object.assign(ctx.changes, result.data);
  }
  const final = steps.at(-1)!.to;
  await tx.agreement.update({ where: { id: row.id }, data: { ...ctx.changes, status: final } });
  for (const [n, step] of steps.entries()) {
    const own = n === 0;
    await recordEvent(tx, row, {
      action: step.action,
      from: step.from,
      to: step.to,
      actorRun: own ? (actor?.run ?? null) : null,
      at: now,
      reason: own ? (results[n]!.reason ?? payload.reason) : step.reason,
      data: results[n]!.eventData,
    });
  }
  await notify(tx, ...results.flatMap((r) => r.notes ?? []));
}
