import { getDocumentOp } from "@/lib/agreements/operations";
import { getDocument } from "@/lib/agreements/service";
import { handle } from "@/lib/api/route";

export const GET = handle(getDocumentOp, async ({ params, actor }) => {
  const doc = await getDocument(params.id, params.documentId, actor);
  const ascii = doc.filename.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  return new Response(new Uint8Array(doc.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
      "Cache-Control": "private, no-store",
      ETag: `"${doc.sha256}"`,
      "Repr-Digest": `sha-256=:${Buffer.from(doc.sha256, "hex").toString("base64")}:`,
    },
  });
});
