import { AppError, ValidationError } from "@/lib/errors";

/**
 * A state machine is one table: for each action, the states it may start from, the state it
 * leads to, and whether a reason is required. Everything else (UI buttons, API validation,
 * tests) is derived from the table.
 */
export type Transition<S extends string> = {
  from: readonly S[];
  to: S;
  /** Infinitive in Spanish, for messages and buttons ("publicar"). */
  verb: string;
  reasonRequired: boolean;
  /** What the confirmation tells the person before they act. */
  confirm: string;
};

export type TransitionTable<S extends string, A extends string> = Readonly<Record<A, Transition<S>>>;

/** The actions allowed from `state`. */
export function availableActions<S extends string, A extends string>(table: TransitionTable<S, A>, state: S): A[] {
  return (Object.keys(table) as A[]).filter((a) => table[a].from.includes(state));
}

/**
 * The state `action` leads to from `state`, or a 409 naming the current state; a 422 when the
 * action needs a reason and none was given.
 */
export function nextState<S extends string, A extends string>(
  table: TransitionTable<S, A>,
  subject: { noun: string; stateLabels: Record<S, string> },
  state: S,
  action: A,
  reason?: string | null,
): S {
  const t = table[action];
  if (!t || !t.from.includes(state)) {
    const verb = t?.verb ?? String(action);
    throw new AppError("invalid_transition", `No se puede ${verb} ${subject.noun} en estado ${subject.stateLabels[state]} (${state}).`);
  }
  if (t.reasonRequired && !reason?.trim()) {
    throw new ValidationError([{ path: "reason", message: `Indique el motivo para ${t.verb} ${subject.noun}.` }]);
  }
  return t.to;
}
