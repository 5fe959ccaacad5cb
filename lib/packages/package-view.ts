import type { CreditPackage } from "@prisma/client";

export interface AdminPackageView {
  id: string;
  name: string;
  nameEn: string | null;
  priceFen: number;
  credits: number;
  bonusCredits: number;
  bonusValidityDays: number | null;
  active: boolean;
  sort: number;
  createdAt: string;
  updatedAt: string;
}

export function adminPackageView(row: CreditPackage): AdminPackageView {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.nameEn,
    priceFen: row.priceFen,
    credits: row.credits,
    bonusCredits: row.bonusCredits,
    bonusValidityDays: row.bonusValidityDays,
    active: row.active,
    sort: row.sort,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a package. */
export function packageSnapshot(row: CreditPackage) {
  const { name, nameEn, priceFen, credits, bonusCredits, bonusValidityDays, active, sort } = row;
  return { name, nameEn, priceFen, credits, bonusCredits, bonusValidityDays, active, sort };
}
