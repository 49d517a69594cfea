"use client";

import { useWatch } from "react-hook-form";
import { formatRun } from "@pisee/node-agent/shared";
import { ControlledSelect } from "@/components/forms/controlled";

/**
 * The official in charge (form value `responsibleRun`), among the institution's members; one no
 * longer among them stays offered as "Responsable actual" while chosen.
 */
export function ResponsibleSelect({ responsibles, help }: { responsibles: { run: string; name: string }[]; help: string }) {
  const current = useWatch({ name: "responsibleRun" }) as string;
  const options = responsibles.some((r) => r.run === current) || !current ? responsibles : [...responsibles, { run: current, name: "Responsable actual" }];
  return (
    <ControlledSelect
      name="responsibleRun"
      label="Responsable"
      required
      help={help}
      placeholder="Elija una persona"
      options={options.map((r) => ({ value: r.run, label: `${r.name} (${formatRun(r.run)})` }))}
    />
  );
}
