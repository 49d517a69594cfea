import { NextResponse, type NextRequest } from "next/server";
import { unsubscribeByLink } from "@/lib/account/service";
import { isAppError } from "@/lib/errors";

/**
 * One-click unsubscribe (RFC 8058), the address of every non-legal mail's `List-Unsubscribe`
 * header: a mail program POSTs `List-Unsubscribe=One-Click` (form-encoded, no cookies) and the
 * person stops receiving all but legal deadlines, exactly like the button of /correo/baja. A
 * person who opens the address in a browser (GET) is sent to that page, which changes nothing
 * until its button is pressed.
 */
const MAX_BODY_BYTES = 1024;

const text = (status: number, body: string) => new NextResponse(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(req: NextRequest) {
  const target = new URL("/correo/baja", req.nextUrl.origin);
  const token = req.nextUrl.searchParams.get("t");
  if (token) target.searchParams.set("t", token);
  return NextResponse.redirect(target, 303);
}

export async function POST(req: NextRequest) {
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") {
    return text(415, "Se espera un formulario con List-Unsubscribe=One-Click (RFC 8058).");
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return text(413, "El formulario es demasiado grande.");
  const body = await req.text();
  if (body.length > MAX_BODY_BYTES) return text(413, "El formulario es demasiado grande.");
  const oneClick = type === "multipart/form-data" ? /List-Unsubscribe[\s\S]*One-Click/.test(body) : new URLSearchParams(body).get("List-Unsubscribe") === "One-Click";
  if (!oneClick) return text(400, "Falta List-Unsubscribe=One-Click (RFC 8058).");
  try {
    await unsubscribeByLink(req.nextUrl.searchParams.get("t") ?? "");
  } catch (err) {
    if (isAppError(err, "invalid_link")) return text(410, err.message);
    throw err;
  }
  return text(200, "Listo: ya no recibirá correos del portal, salvo los avisos de plazos legales. Puede volver a activarlos en «Mi cuenta».");
}
