import "server-only";
import crypto from "node:crypto";
import { pdfPageCount } from "@/lib/agreements/pdf";
import { readAgreement } from "@/lib/agreements/read";
import { assertVisible, lockedRow, notFoundMessage, partiesOf, recordEvent } from "@/lib/agreements/rows";
import type { TAgreement } from "@/lib/agreements/schemas";
import { AGREEMENT_STATUS_LABELS, TERMS_EDITABLE } from "@/lib/agreements/transitions";
import { recordAudit } from "@/lib/audit/record";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";
import { clock } from "@/lib/clock";
import { getDb } from "@/lib/db";
import { AppError, ValidationError, type ErrorIssue } from "@/lib/errors";
import type { AgreementStatus } from "@/lib/generated/prisma/enums";

/** Documents of an agreement (PDF terms or supporting documents) and the network's standard terms. */

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export type UploadedFile = { filename: string; mediaType: string; bytes: Uint8Array };

/** Who may attach documents, and when: the parties and the platform team, while the terms are not fixed. */
function assertMayAttach(actor: Actor, agreement: { id: string; status: AgreementStatus; consumerCode: string; providerCode: string }) {
  assertVisible(actor, agreement);
  const parties = partiesOf(actor, agreement);
  const mayAttach = can(actor, "agreement.prepare", agreement.consumerCode) || parties.has("provider_admin") || parties.has("platform");
  if (!mayAttach) throw new AppError("forbidden", "Solo las partes del acuerdo pueden adjuntar documentos.");
  if (!TERMS_EDITABLE.includes(agreement.status)) {
    throw new AppError("terms_fixed", `Los términos ya están fijados: el acuerdo está en estado ${AGREEMENT_STATUS_LABELS[agreement.status]} (${agreement.status}).`);
  }
}

/** Checks, before an upload is read, that `actor` may attach a document to the agreement now. */
export async function checkDocumentUpload(id: string, actor: Actor): Promise<void> {
  const agreement = await getDb().agreement.findUnique({ where: { id }, select: { id: true, status: true, consumerCode: true, providerCode: true } });
  if (!agreement) throw new AppError("not_found", notFoundMessage(id));
  assertMayAttach(actor, agreement);
}

/**
 * Attaches a PDF (terms or supporting document) while the terms are not yet fixed: at most
 * 10 MB (413), and a PDF that PDF.js opens with at least one page (422).
 */
export async function attachDocument(id: string, file: UploadedFile, actor: Actor): Promise<TAgreement> {
  const now = clock.now();
  if (file.bytes.byteLength > MAX_DOCUMENT_BYTES) throw new AppError("payload_too_large", "El archivo supera el máximo de 10 MB.");
  const issues: ErrorIssue[] = [];
  const header = Buffer.from(file.bytes.subarray(0, 5)).toString("latin1");
  if (file.bytes.byteLength === 0) issues.push({ path: "file", message: "El archivo está vacío." });
  else if (file.mediaType !== "application/pdf" || header !== "%PDF-") issues.push({ path: "file", message: "Solo se aceptan documentos PDF." });
  else if (((await pdfPageCount(file.bytes)) ?? 0) < 1) issues.push({ path: "file", message: "El archivo no es un PDF legible con al menos una página." });
  return getDb().$transaction(async (tx) => {
    const row = await lockedRow(tx, id);
    assertMayAttach(actor, row);
    if (issues.length) throw new ValidationError(issues);
    const sha256 = crypto.createHash("sha256").update(file.bytes).digest("hex");
    const filename = file.filename.replace(/[\\/\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, "_").slice(0, 200) || "documento.pdf";
    const document = await tx.agreementDocument.create({
      data: { agreementId: id, filename, mediaType: "application/pdf", size: file.bytes.byteLength, sha256, content: Buffer.from(file.bytes), uploadedByRun: actor.run, createdAt: now },
    });
    await recordEvent(tx, row, { action: "attach_document", from: row.status, to: row.status, actorRun: actor.run, at: now, data: { documentId: document.id, filename, sha256 } });
    await recordAudit(tx, { actorRun: actor.run, action: "agreement.document_attached", targetType: "agreement", targetId: id, data: { documentId: document.id, sha256 } });
    return readAgreement(tx, id, actor, now);
  });
}

export async function getDocument(id: string, documentId: string, actor: Actor): Promise<{ filename: string; sha256: string; bytes: Uint8Array }> {
  const db = getDb();
  const agreement = await db.agreement.findUnique({ where: { id }, select: { id: true, status: true, consumerCode: true, providerCode: true } });
  if (!agreement) throw new AppError("not_found", notFoundMessage(id));
  assertVisible(actor, agreement);
  const document = await db.agreementDocument.findFirst({ where: { id: documentId, agreementId: id } });
  if (!document) throw new AppError("not_found", "No existe ese documento en el acuerdo.");
  return { filename: document.filename, sha256: document.sha256, bytes: document.content };
}

/** The standard terms, for reading before signing. */
export async function getStandardTerms(version?: number) {
  const db = getDb();
  return version ? db.standardTerms.findUnique({ where: { version } }) : db.standardTerms.findFirst({ orderBy: { version: "desc" } });
}
