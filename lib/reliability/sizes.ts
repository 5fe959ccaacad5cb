/**
 * How big the scenarios are. The defaults keep the whole suite well under three minutes on two
 * cores, so it runs with every `npm test`; raise them for a heavier run, e.g.
 * `RELIABILITY_ORDERS=60 RELIABILITY_DUPLICATES=50 npm run test:reliability`.
 */
function bounded(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 2 || value > max)
    throw new Error(`${name} must be an integer from 2 to ${max}`);
  return value;
}

export const sizes = {
  /** Orders per scenario (both providers, alternating). */
  orders: bounded("RELIABILITY_ORDERS", 6, 200),
  /** Copies of each notify sent at once in the duplicate storm. */
  duplicates: bounded("RELIABILITY_DUPLICATES", 10, 100),
};
