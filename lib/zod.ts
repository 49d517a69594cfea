/**
 * zod with Spanish error messages. Import `z` from here, never from "zod" directly, so every
 * message a person sees (forms, API `issues`) is in Spanish.
 */
import { z } from "zod";

z.config(z.locales.es());

export { z };
