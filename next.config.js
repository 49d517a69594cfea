// @ts-check
// API answers are data, never documents: nothing may load from them and nobody may frame them.
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];
if ((process.env.NEXTAUTH_URL ?? "").startsWith("https://")) {
  securityHeaders.push({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The node-agent's shared identifiers are TypeScript sources in a workspace package.
  transpilePackages: ["@pisee/node-agent"],
  serverExternalPackages: ["pino", "pg", "@prisma/adapter-pg", "pdfjs-dist"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // API answers are data; the documentation page (/api/docs) sets its own policy.
      { source: "/api/:path((?!docs).*)", headers: [{ key: "Content-Security-Policy", value: API_CSP }] },
    ];
  },
};

export default nextConfig;
