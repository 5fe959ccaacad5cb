/** The wallet part of the printed results: each HTTP scenario against its floor, the checks, the targets. */
import type { Measurement } from "./context";
import { errorsCell, fixed, ratio, table, type Target } from "./report";
import type { WalletChecks } from "./wallet-verify";

interface Compared {
  measurement: Measurement;
  floor: Measurement | undefined;
  baseline: Measurement | undefined;
}

function compared(measurements: readonly Measurement[]): Compared[] {
  const find = (scenario: string | undefined, connections: number) =>
    measurements.find((m) => m.scenario === scenario && m.result.connections === connections);
  return measurements
    .filter((m) => m.floor !== undefined)
    .map((measurement) => ({
      measurement,
      floor: find(measurement.floor, measurement.result.connections),
      baseline: measurements.find(
        (m) => m.scenario.startsWith("baseline") && m.result.connections === measurement.result.connections,
      ),
    }));
}

export function floorTable(measurements: readonly Measurement[]): string {
  return table(
    [
      "scenario",
      "conns",
      "req/s",
      "req/s vs base",
      "floor",
      "floor tx/s",
      "req/s vs floor",
      "p50 / p99 ms",
      "floor p50 / p99 ms",
      "errors",
      "floor errors",
    ],
    compared(measurements).map(({ measurement: { scenario, result, floor: floorName }, floor, baseline }) => [
      scenario,
      String(result.connections),
      fixed(result.rps),
      baseline ? ratio(result.rps, baseline.result.rps) : "",
      floorName ?? "",
      floor ? fixed(floor.result.rps) : "",
      floor ? ratio(result.rps, floor.result.rps) : "",
      `${fixed(result.p50Ms)} / ${fixed(result.p99Ms)}`,
      floor ? `${fixed(floor.result.p50Ms)} / ${fixed(floor.result.p99Ms)}` : "",
      errorsCell(result),
      floor ? errorsCell(floor.result) : "",
    ]),
  );
}

const debitsOk = ({ debits }: WalletChecks) =>
  debits.answered > 0 && debits.matched === debits.answered && debits.entries === debits.answered;
const holdsOk = ({ holds }: WalletChecks) =>
  holds.created > 0 && holds.inDatabase === holds.created && holds.capturedInDatabase === holds.captured;

export function walletCheckLines(checks: WalletChecks): string[] {
  const { debits, spent, negative, holds, hot } = checks;
  return [
    `every 201 debit exactly one ledger entry: ${debits.matched} of ${debits.answered} answered 201; ${debits.entries} debit entries under the run's keys`,
    ...debits.problems.map((problem) => `  ${problem}`),
    `credits spent (CONSUME entries of the bench users): ${spent.ledger}; 201 debits, floor debits and 200 captures add up to ${spent.expected}`,
    `balances below zero: ${negative.entries} entries left one, ${negative.users} users' available credits are`,
    `holds: ${holds.created} answered 201 (${holds.inDatabase} in the database), ${holds.captured} captures answered 200 (${holds.capturedInDatabase} captured in the database)`,
    `hot user: balance ${hot.balance}, start − ${hot.debits} debits = ${hot.expected}`,
  ];
}

export function walletTargets(measurements: readonly Measurement[], checks: WalletChecks): Target[] {
  // Their errors count in the bench-wide "zero errors" target, floors included.
  const list: Target[] = [];
  for (const { measurement, floor, baseline } of compared(measurements)) {
    const { scenario, result } = measurement;
    list.push({
      name: `${scenario} @${result.connections}: req/s vs floor and baseline`,
      measured: `${floor ? ratio(result.rps, floor.result.rps) : "n/a"} of the floor (${fixed(result.rps)} vs ${floor ? fixed(floor.result.rps) : "?"}), ${baseline ? ratio(result.rps, baseline.result.rps) : "n/a"} of the baseline`,
      pass: null,
    });
  }
  const { debits, spent, negative, holds, hot } = checks;
  list.push(
    {
      name: "every 201 debit is exactly one ledger entry (and no entry without one)",
      measured: `${debits.matched} of ${debits.answered} (${debits.entries} entries)`,
      pass: debitsOk(checks),
    },
    {
      name: "credits spent = successful debits + captures",
      measured: `${spent.ledger} vs ${spent.expected}`,
      pass: spent.ledger === spent.expected,
    },
    {
      name: "no balance below zero (any entry's balanceAfter, any user's available)",
      measured: `${negative.entries} entries, ${negative.users} users`,
      pass: negative.entries === 0 && negative.users === 0,
    },
    {
      name: "every 201 hold and 200 capture in the database",
      measured: `${holds.inDatabase}/${holds.created} holds, ${holds.capturedInDatabase}/${holds.captured} captures`,
      pass: holdsOk(checks),
    },
    {
      name: "hot user's balance = start − debited",
      measured: `${hot.balance} vs ${hot.expected} (${hot.debits} debits)`,
      pass: hot.balance === hot.expected,
    },
  );
  return list;
}
