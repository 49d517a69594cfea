import { handle } from "@/lib/api/route";
import { getNetworkConfigOp } from "@/lib/network-config/operations";
import { getNetworkConfig } from "@/lib/network-config/service";

export const GET = handle(getNetworkConfigOp, async ({ query }) => {
  const doc = await getNetworkConfig(query.env);
  return new Response(doc.jws, {
    headers: {
      "Content-Type": "application/jose",
      "Cache-Control": "no-cache",
      "Pisee-Config-Version": String(doc.version),
      Expires: doc.expiresAt.toUTCString(),
    },
  });
});
