declare module "async-exit-hook" {
  type Hook = ((done: () => void) => void) | (() => void);
  const exitHook: {
    (hook: Hook): void;
    /** Stops handling an event (e.g. "beforeExit") for every hook. */
    unhookEvent(event: string): void;
    hookEvent(event: string, code?: number, filter?: (...args: unknown[]) => boolean): void;
  };
  export default exitHook;
}
