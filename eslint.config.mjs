import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** One `z`, with Spanish messages and the shared text, date and number types: lib/zod.ts. */
const ZOD = { name: "zod", message: "Importe z (y zText, zDate, zQueryInt) desde @/lib/zod: mensajes en español y un solo z." };

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", "node-agent/dist/**", "playwright-report/**", "test-results/**", "next-env.d.ts"],
  },
  {
    rules: {
      // Leaving properties out with a rest pattern (`const { a, ...rest } = x`) is intended.
      "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true, argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}", "test/**/*.ts", "e2e/**/*.ts", "scripts/**/*.ts", "prisma/**/*.ts", "bench/**/*.ts"],
    ignores: ["lib/zod.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [ZOD] }] },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [ZOD, { name: "@/lib/db", message: "app/ y components/ usan los servicios de lib/<dominio>, nunca la base de datos directamente." }],
          patterns: [{ group: ["@/lib/generated/prisma/client", "@prisma/*", "pg"], message: "app/ y components/ no tocan Prisma." }],
        },
      ],
    },
  },
  {
    // Playwright fixtures receive a `use` callback that is not React's hook.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Tests assert on arbitrary JSON answers.
    files: ["test/**/*.ts", "**/*.test.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["node-agent/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/*", "../../lib/*", "../../app/*"], message: "El node-agent no importa nada del portal." }] }],
    },
  },
];

export default config;
