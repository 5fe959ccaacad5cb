/** Set once a shutdown begins: readiness fails so load balancers stop sending new work here. */
const state = globalThis as typeof globalThis & { __rechargeDraining?: boolean };

export function startDraining(): void {
  state.__rechargeDraining = true;
}

export function isDraining(): boolean {
  return state.__rechargeDraining === true;
}
