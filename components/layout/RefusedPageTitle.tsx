"use client";

import { useEffect } from "react";

export const REFUSED_TITLE = "Página no encontrada · Red de Interoperabilidad del Estado";

/**
 * The title of a refused page (not found, or not for this account: the same answer): never the
 * title of the page that was asked for, which the route's metadata would still name ("Gestión
 * de la institución SII", "Consola de la plataforma"). Rendered by the not-found pages; keeps the
 * title while the page is shown, also if the route's metadata arrives after it.
 */
export function RefusedPageTitle() {
  useEffect(() => {
    const apply = () => {
      if (document.title !== REFUSED_TITLE) document.title = REFUSED_TITLE;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return null;
}
