import type { IncomingMessage } from "node:http";

export const clientAddressHeader: string;
export type TrustFunction = (address: string, hop: number) => boolean;
export function compileTrustProxy(value: string | undefined): TrustFunction;
export function applyClientAddress(request: IncomingMessage, trust: TrustFunction): void;
