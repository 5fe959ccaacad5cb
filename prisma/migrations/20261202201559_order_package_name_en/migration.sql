-- AlterTable
ALTER TABLE "RechargeOrder" ADD COLUMN     "packageNameEn" TEXT;


-- Orders made before this kept one name, "<zh> / <en>" when the package had an English name:
-- split it back into the two (a name with one separator only; anything else stays as it was).
UPDATE "RechargeOrder"
SET "packageName" = split_part("packageName", ' / ', 1),
    "packageNameEn" = split_part("packageName", ' / ', 2)
WHERE "packageName" LIKE '% / %' AND "packageName" NOT LIKE '% / % / %'
  AND split_part("packageName", ' / ', 1) <> '' AND split_part("packageName", ' / ', 2) <> '';
