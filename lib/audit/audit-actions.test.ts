import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActionKey, auditActions, auditTargetHref } from "@/lib/audit/audit-actions";
import en from "@/lib/i18n/messages/console.en.json";
import zh from "@/lib/i18n/messages/console.zh.json";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** Every "domain.verb" literal in the files that write audit rows. */
function actionCodesWritten(): Set<string> {
  const codes = new Set<string>();
  for (const file of [...sourceFiles("lib"), ...sourceFiles("app")]) {
    const source = readFileSync(file, "utf8");
    if (!source.includes("recordAudit(") || file.endsWith(path.join("audit", "record-audit.ts"))) continue;
    for (const match of source.matchAll(/"([a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*)"/g)) codes.add(match[1] ?? "");
  }
  return codes;
}

describe("audit action names", () => {
  it("finds the codes the app writes (the scan itself works)", () => {
    const written = actionCodesWritten();
    expect(written).toContain("admin.sign_in");
    expect(written).toContain("payment_config.enable");
    expect(written).toContain("order.sync");
  });

  it("lists every action code written anywhere", () => {
    expect([...actionCodesWritten()].filter((code) => !(auditActions as readonly string[]).includes(code))).toEqual([]);
  });

  it("names every action in Chinese and in English", () => {
    const names = { en: en.console.audit.actions, zh: zh.console.audit.actions } as Record<
      string,
      Record<string, string>
    >;
    for (const action of auditActions) {
      for (const language of ["en", "zh"]) {
        expect(names[language]?.[auditActionKey(action)], `${language} ${action}`).toMatch(/\S/);
      }
      expect(names.zh?.[auditActionKey(action)], action).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(Object.keys(names.en ?? {}).sort()).toEqual(auditActions.map(auditActionKey).sort());
    expect(Object.keys(names.zh ?? {}).sort()).toEqual(auditActions.map(auditActionKey).sort());
  });
});

describe("audit target links", () => {
  it("opens the console page of the thing acted on", () => {
    expect(auditTargetHref("admin.sign_in", "u1")).toBe("/admin/users/u1");
    expect(auditTargetHref("user.adjust_balance", "u1")).toBe("/admin/users/u1");
    expect(auditTargetHref("wallet.void_lot", "u1")).toBe("/admin/users/u1");
    expect(auditTargetHref("order.refund", "R2026 01")).toBe("/admin/transactions/R2026%2001");
    expect(auditTargetHref("package.update", "p1")).toBe("/admin/packages/p1");
    expect(auditTargetHref("package.reorder", "packages")).toBe("/admin/packages");
    expect(auditTargetHref("payment_config.enable", "c1")).toBe("/admin/payment-configs/c1");
    expect(auditTargetHref("webhook_endpoint.update", "w1")).toBe("/admin/webhooks/w1");
    expect(auditTargetHref("api_key.revoke", "k1")).toBe("/admin/developers");
    expect(auditTargetHref("redemption_batch.disable", "b1")).toBe("/admin/redemption-batches");
  });

  it("links nothing that has no page of its own", () => {
    expect(auditTargetHref("transactions.export", "all")).toBeNull();
    expect(auditTargetHref("webhook_delivery.resend", "d1")).toBeNull();
    expect(auditTargetHref("sandbox.faults", "global")).toBeNull();
    expect(auditTargetHref("order.refund", null)).toBeNull();
  });
});
