/** One line of the table the suite prints at the end. */
export interface ScenarioRow {
  scenario: string;
  /** What was done to the system, with counts. */
  injected: string;
  orders: number;
  /** Orders the provider holds money for: each must be credited once. */
  expectedCredits: number;
  /** Recharge entries in the ledger. */
  actualCredits: number;
  /** "ok", or the violated rules. */
  invariants: string;
  /** "pass", or why not. */
  outcome: string;
  seconds: number;
}

const headers = [
  "scenario",
  "events injected",
  "orders",
  "expected credits",
  "actual credits",
  "invariants",
  "outcome",
  "time",
];

/** A Markdown table, readable as printed and pasteable into docs/reliability.md. */
export function formatTable(rows: readonly ScenarioRow[]): string {
  const cells = rows.map((row) => [
    row.scenario,
    row.injected,
    String(row.orders),
    String(row.expectedCredits),
    String(row.actualCredits),
    row.invariants,
    row.outcome,
    `${row.seconds.toFixed(1)} s`,
  ]);
  const widths = headers.map((header, column) => Math.max(header.length, ...cells.map((line) => line[column]!.length)));
  const line = (values: readonly string[]) =>
    `| ${values.map((value, column) => value.padEnd(widths[column]!)).join(" | ")} |`;
  const rule = `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`;
  return ["", "Reliability scenarios", "", line(headers), rule, ...cells.map(line), ""].join("\n") + "\n";
}
