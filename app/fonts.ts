import localFont from "next/font/local";

// gob.cl's typefaces, served from this portal (from the @fontsource packages): no font is
// fetched from the internet at build or run time.
export const roboto = localFont({
  src: [
    { path: "../node_modules/@fontsource/roboto/files/roboto-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/roboto/files/roboto-latin-500-normal.woff2", weight: "500", style: "normal" },
    { path: "../node_modules/@fontsource/roboto/files/roboto-latin-700-normal.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-roboto",
  display: "swap",
});

export const robotoSlab = localFont({
  src: [
    { path: "../node_modules/@fontsource/roboto-slab/files/roboto-slab-latin-400-normal.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@fontsource/roboto-slab/files/roboto-slab-latin-700-normal.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-roboto-slab",
  display: "swap",
});
