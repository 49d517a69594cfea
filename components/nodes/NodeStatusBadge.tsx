import { Badge } from "@/components/ui/Badge";
import type { NodeStatus } from "@/lib/generated/prisma/enums";
import { NODE_STATUS_LABELS, NODE_STATUS_TONES } from "./labels";

/** A node's status: always its word, the colour only adds to it. */
export function NodeStatusBadge({ status }: { status: NodeStatus }) {
  return (
    <Badge tone={NODE_STATUS_TONES[status]}>
      <span className="sr-only">Estado: </span>
      {NODE_STATUS_LABELS[status]}
    </Badge>
  );
}
