/**
 * Prometheus metrics. Hot paths (notifies, provider calls, live-status streams) only touch
 * in-process counters; figures that need the database (orders by state, the oldest unsettled
 * order, open reconciliation differences) are read when Prometheus scrapes, from the shared
 * database, so every instance reports the same cluster-wide values for them.
 */
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { ProviderCallRecord } from "@/lib/payments/types";

function createMetrics() {
  const registry = new Registry();
  const metrics = {
    registry,
    notifies: new Counter({
      name: "recharge_notifies_received_total",
      help: "Provider notifies received, by provider, kind and result (verified, rejected, failed).",
      labelNames: ["provider", "kind", "result"] as const,
      registers: [registry],
    }),
    settlement: new Histogram({
      name: "recharge_notify_settlement_seconds",
      help: "From receiving a payment notify to having credited the order.",
      labelNames: ["provider"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    providerCalls: new Histogram({
      name: "recharge_provider_call_seconds",
      help: "Calls we make to providers, by provider, operation and outcome.",
      labelNames: ["provider", "operation", "outcome"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    providerErrors: new Counter({
      name: "recharge_provider_call_errors_total",
      help: "Provider calls that did not succeed, by provider, operation and outcome.",
      labelNames: ["provider", "operation", "outcome"] as const,
      registers: [registry],
    }),
    liveStreams: new Gauge({
      name: "recharge_live_status_connections",
      help: "Open live-status (server-sent events) connections on this instance.",
      registers: [registry],
    }),
    reconciliationRuns: new Counter({
      name: "recharge_reconciliation_runs_total",
      help: "Bill reconciliation runs on this instance, by provider and result.",
      labelNames: ["provider", "result"] as const,
      registers: [registry],
    }),
  };
  return metrics;
}

type Metrics = ReturnType<typeof createMetrics>;

// Next.js may load this module once per bundle (instrumentation, each route); one set per process.
const globalMetrics = globalThis as typeof globalThis & { __rechargeMetrics?: Metrics };

export function metrics(): Metrics {
  globalMetrics.__rechargeMetrics ??= createMetrics();
  return globalMetrics.__rechargeMetrics;
}

export function countNotify(provider: string, kind: string, outcome: string | "FAILED", receivedAt: Date): void {
  const result =
    outcome === "FAILED" ? "failed" : /^(REJECTED|UNKNOWN_CONFIG|OVERSIZED)/.test(outcome) ? "rejected" : "verified";
  const m = metrics();
  m.notifies.inc({ provider, kind, result });
  if (outcome === "CREDITED") m.settlement.observe({ provider }, (Date.now() - receivedAt.getTime()) / 1000);
}

export function observeProviderCall(record: ProviderCallRecord): void {
  const labels = { provider: record.provider, operation: record.operation, outcome: record.outcome };
  const m = metrics();
  m.providerCalls.observe(labels, record.latencyMs / 1000);
  if (record.outcome !== "ok") m.providerErrors.inc(labels);
}

export function trackLiveStream(): () => void {
  const gauge = metrics().liveStreams;
  gauge.inc();
  let open = true;
  return () => {
    if (!open) return;
    open = false;
    gauge.dec();
  };
}

export function countReconciliationRun(provider: string, result: string): void {
  metrics().reconciliationRuns.inc({ provider, result });
}
