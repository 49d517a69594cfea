import { attachDocumentOp } from "@/lib/agreements/operations";
import { attachDocument, checkDocumentUpload, MAX_DOCUMENT_BYTES } from "@/lib/agreements/service";
import { handle } from "@/lib/api/route";
import { AppError, ValidationError } from "@/lib/errors";

/** Room for the multipart envelope around the file (boundaries, part headers). */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Multipart upload. Nothing is read until the person may attach a document to this agreement
 * now, and the declared size fits: over 10 MB is refused from Content-Length (413).
 */
export const POST = handle(attachDocumentOp, async ({ params, actor, req }) => {
  if (!/^multipart\/form-data\s*;/i.test(req.headers.get("content-type") ?? "")) {
    throw new AppError("unsupported_media_type", "Envíe el archivo como multipart/form-data en el campo «file».");
  }
  const length = Number(req.headers.get("content-length") ?? NaN);
  if (!Number.isFinite(length)) throw new AppError("length_required");
  if (length > MAX_DOCUMENT_BYTES + MULTIPART_OVERHEAD) throw new AppError("payload_too_large", "El archivo supera el máximo de 10 MB.");
  await checkDocumentUpload(params.id, actor);
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) throw new ValidationError([{ path: "file", message: "Adjunte un archivo en el campo «file»." }]);
  const result = await attachDocument(params.id, { filename: file.name, mediaType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }, actor);
  return Response.json(result, { status: 201, headers: { "Cache-Control": "no-store" } });
});
