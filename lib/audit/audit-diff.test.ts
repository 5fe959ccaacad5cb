import { describe, expect, it } from "vitest";
import { auditDiff } from "@/lib/audit/audit-diff";

describe("audit diff", () => {
  it("shows only the fields that changed, with both sides", () => {
    expect(
      auditDiff({ name: "A", priceYuan: 990, active: true }, { name: "A", priceYuan: 1290, active: false }),
    ).toEqual([
      { field: "priceYuan", before: "990", after: "1290" },
      { field: "active", before: "true", after: "false" },
    ]);
  });

  it("shows a creation or a deletion as fields appearing or going", () => {
    expect(auditDiff(null, { name: "新套餐" })).toEqual([{ field: "name", before: null, after: "新套餐" }]);
    expect(auditDiff({ secret: "[redacted]" }, null)).toEqual([{ field: "secret", before: "[redacted]", after: null }]);
  });

  it("gives up on values that are not objects", () => {
    expect(auditDiff(["a"], ["b"])).toBeNull();
  });
});
