import { describe, expect, it } from "vitest";
import consoleEn from "@/lib/i18n/messages/console.en.json";
import consoleZh from "@/lib/i18n/messages/console.zh.json";
import siteEn from "@/lib/i18n/messages/en.json";
import siteZh from "@/lib/i18n/messages/zh.json";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") result.set(path, value);
    else for (const [leaf, text] of leaves(value, path)) result.set(leaf, text);
  }
  return result;
}

// The argument names of an ICU message: "{count, plural, …}" and "{name}" give count, name;
// the text of a plural branch ("=0 {none}") is not an argument.
function argumentsOf(message: string): string[] {
  const found = [...message.matchAll(/\{(\w+)(?:,|\})/g)].filter(
    (match) => !/(?:=\d+|zero|one|two|few|many|other)\s*$/.test(message.slice(0, match.index)),
  );
  return [...new Set(found.map((match) => match[1] ?? ""))].sort();
}

describe.each([
  ["site", siteEn, siteZh],
  ["admin console", consoleEn, consoleZh],
])("%s messages", (_name, en, zh) => {
  const english = leaves(en as Tree);
  const chinese = leaves(zh as Tree);

  it("has the same keys in Chinese and English", () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("uses the same placeholders in both languages", () => {
    for (const [key, message] of english)
      expect(argumentsOf(chinese.get(key) ?? ""), key).toEqual(argumentsOf(message));
  });
});
