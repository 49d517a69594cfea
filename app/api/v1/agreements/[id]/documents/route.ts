import { attachDocumentOp } from "@/lib/agreements/operations";
import { attachDocument, MAX_DOCUMENT_BYTES } from "@/lib/agreements/service";
import { handle } from "@/lib/api/route";
import { ValidationError } from "@/lib/errors";

/** Multipart upload: the size is checked from Content-Length before anything is read. */
export const POST = handle(attachDocumentOp, async ({ params, actor, req }) => {
  const length = Number(req.headers.get("content-length") ?? NaN);
  if (!Number.isFinite(length)) throw new ValidationError([{ path: "file", message: "Falta el largo del envío (Content-Length)." }]);
  if (length > MAX_DOCUMENT_BYTES + 64 * 1024) throw new ValidationError([{ path: "file", message: "El archivo supera el máximo de 10 MB." }]);
  if (!/^multipart\/form-data/i.test(req.headers.get("content-type") ?? "")) {
    throw new ValidationError([{ path: "file", message: "Envíe el archivo como multipart/form-data en el campo «file»." }]);
  }
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) throw new ValidationError([{ path: "file", message: "Adjunte un archivo en el campo «file»." }]);
  const result = await attachDocument(params.id, { filename: file.name, mediaType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }, actor);
  return Response.json(result, { status: 201, headers: { "Cache-Control": "no-store" } });
});
