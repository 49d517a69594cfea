/**
 * The Gestor de Acuerdos service, by what it does:
 *   read.ts        an agreement, the inboxes, the agreements in force for the nodes
 *   request.ts     a consumer's request: its checks, creation, edits of a draft
 *   transition.ts  a person's action on an agreement (the table in transitions.ts decides)
 *   effects.ts     what each action and follow-up step does besides changing the state
 *   deadlines.ts   legal deadlines: expiry, end dates, warnings (on read and by the job)
 *   documents.ts   PDF documents and the standard terms
 *   rows.ts        what they share: the row, who is who, visibility, the lock, events
 * Pages and route handlers import from here.
 */
export { getAgreement, listActiveRequestsForService, listAgreements, listAgreementsInForce, type ActiveRequest } from "@/lib/agreements/read";
export { createAgreement, updateAgreement } from "@/lib/agreements/request";
export { transitionAgreement } from "@/lib/agreements/transition";
export { applyDeadlines, businessDaysLeft } from "@/lib/agreements/deadlines";
export { attachDocument, checkDocumentUpload, getDocument, getStandardTerms, MAX_DOCUMENT_BYTES, type UploadedFile } from "@/lib/agreements/documents";
export { partiesOf } from "@/lib/agreements/rows";
export { ANSWER_BUSINESS_DAYS, DEADLINE_WARNING_BUSINESS_DAYS, EXTENSION_BUSINESS_DAYS } from "@/lib/agreements/transitions";
