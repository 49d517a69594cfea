/** Identifiers of the network (PROTOCOL.md §1). Shared by the portal and every node. */

export const INSTITUTION_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
export const NODE_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
export const SERVICE_NAME_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;
export const NODE_ID_PATTERN = /^([A-Z0-9][A-Z0-9-]{1,31})\/([a-z0-9][a-z0-9-]{0,31})$/;
export const SERVICE_ID_PATTERN = /^([A-Z0-9][A-Z0-9-]{1,31})\/([a-z0-9][a-z0-9-]{1,63})\/v([1-9]\d{0,5})$/;
/** The last part of a service id: `v` and the major version (1 to 999999). */
export const SERVICE_VERSION_PATTERN = /^v([1-9]\d{0,5})$/;
export const SERVICE_MAJOR_MAX = 999_999;

export const ENVIRONMENTS = ["dev", "prod"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export function isInstitutionCode(value: string): boolean {
  return INSTITUTION_CODE_PATTERN.test(value);
}

export function isEnvironment(value: string): value is Environment {
  return (ENVIRONMENTS as readonly string[]).includes(value);
}

export type NodeId = { institution: string; node: string };

export function parseNodeId(value: string): NodeId | null {
  const m = NODE_ID_PATTERN.exec(value);
  return m ? { institution: m[1]!, node: m[2]! } : null;
}

export type ServiceId = { institution: string; service: string; major: number };

export function parseServiceId(value: string): ServiceId | null {
  const m = SERVICE_ID_PATTERN.exec(value);
  return m ? { institution: m[1]!, service: m[2]!, major: Number(m[3]) } : null;
}

export function formatServiceId(id: ServiceId): string {
  return `${id.institution}/${id.service}/v${id.major}`;
}
