import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Footer } from "@/components/layout/Footer";
import { Header } from "@/components/layout/Header";
import { Providers } from "@/components/layout/Providers";
import { RouteFocus } from "@/components/layout/RouteFocus";
import { getCurrentActor } from "@/lib/auth/session";
import { unreadCounts } from "@/lib/notifications/service";
import { roboto, robotoSlab } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Red de Interoperabilidad del Estado", template: "%s · Red de Interoperabilidad del Estado" },
  description: "Servicios centrales de la red de interoperabilidad de los órganos de la Administración del Estado de Chile.",
};

export const viewport: Viewport = { themeColor: "#0a132d" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  const unread = actor ? await unreadCounts(actor) : {};
  return (
    <html lang="es-CL" className={`${roboto.variable} ${robotoSlab.variable}`}>
      <body className="flex min-h-screen flex-col">
        <a href="#contenido" className="skip-link">
          Saltar al contenido principal
        </a>
        <Header actor={actor} unread={unread} />
        <Providers>
          <RouteFocus />
          <main id="contenido" tabIndex={-1} className="container-page flex-1 py-8">
            {children}
          </main>
        </Providers>
        <Footer />
      </body>
    </html>
  );
}
