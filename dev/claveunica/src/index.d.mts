export type EmulatorClient = {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
  client_name?: string;
  /** Default true: the client must use PKCE (S256). */
  pkce_required?: boolean;
};

export type EmulatorPerson = {
  sub: string;
  run: string;
  nombres: string[];
  apellidos: string[];
  descripcion: string;
  /** Returned in userinfo only with the `email` scope; absent: the person has no address in ClaveÚnica. */
  email?: string;
  /** false: the portal's demo seed does not create this person (they are added by RUN first). */
  sembrar?: boolean;
};

export function startEmulator(options: {
  port?: number;
  host?: string;
  clients: EmulatorClient[];
  persons?: EmulatorPerson[];
  personsFile?: string;
  log?: (line: string) => void;
}): Promise<{ issuer: string; port: number; close: () => Promise<void> }>;

export function loadPersons(file?: string): Promise<EmulatorPerson[]>;

export const ROUTES: Readonly<{ authorization: string; token: string; userinfo: string; jwks: string; logout: string }>;
