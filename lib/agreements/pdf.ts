import "server-only";

/**
 * The number of pages of a PDF as Mozilla's PDF.js reads it, or null when it is not a PDF it can
 * open (a `%PDF-` header in front of anything else is not a PDF). Parsing only: no fonts, no
 * scripts, no rendering; runs in the portal's process with PDF.js's in-process worker.
 */
export async function pdfPageCount(bytes: Uint8Array): Promise<number | null> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // PDF.js takes ownership of the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: true, verbosity: 0 });
  try {
    const doc = await task.promise;
    const pages = doc.numPages;
    await doc.destroy();
    return pages;
  } catch {
    return null;
  } finally {
    await task.destroy().catch(() => {});
  }
}
