import { updateMailPreferencesOp } from "@/lib/account/operations";
import { updateMailPreferences } from "@/lib/account/service";
import { handle } from "@/lib/api/route";

export const PATCH = handle(updateMailPreferencesOp, ({ actor, body }) => updateMailPreferences(actor, body));
