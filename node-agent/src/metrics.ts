import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Prometheus metrics of one node (served at /metrics on the local port). */
export function createMetrics() {
  const registry = new Registry();
  // The process's own figures (CPU seconds, resident memory, event-loop lag, heap): what an
  // operations team watches first, and what the exchange benchmark reads.
  collectDefaultMetrics({ register: registry });
  const exchanges = new Counter({
    name: "pisee_exchanges_total",
    help: "Exchanges handled, by role (consumer/provider), outcome (ok/error) and protocol code",
    labelNames: ["role", "outcome", "code"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "pisee_exchange_duration_seconds",
    help: "Time to handle an exchange, by role",
    labelNames: ["role"] as const,
    buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const unauthenticated = new Counter({ name: "pisee_unauthenticated_total", help: "Messages refused before authentication (PROTOCOL.md §3.3 steps 1–2)", registers: [registry] });
  const configAge = new Gauge({ name: "pisee_config_age_seconds", help: "Seconds since the current network configuration was issued", registers: [registry] });
  const configVersion = new Gauge({ name: "pisee_config_version", help: "Version of the current network configuration", registers: [registry] });
  const configRefusals = new Counter({ name: "pisee_config_refusals_total", help: "Configuration documents refused, by reason", labelNames: ["reason"] as const, registers: [registry] });
  new Gauge({
    name: "pisee_process_max_resident_memory_bytes",
    help: "Peak resident memory of the process since it started, in bytes",
    registers: [registry],
    collect() {
      this.set(process.resourceUsage().maxRSS * 1024);
    },
  });
  return { registry, exchanges, duration, unauthenticated, configAge, configVersion, configRefusals };
}

export type Metrics = ReturnType<typeof createMetrics>;
