import { test as base, expect, type Browser, type BrowserContext } from "@playwright/test";

/**
 * Fails every test in which a page broke its Content-Security-Policy: a blocked script means a
 * page that silently stops working in users' browsers. Every context is watched, the default
 * one and those the specs open with `browser.newContext`.
 */
const violationEvent = `document.addEventListener("securitypolicyviolation", (event) => {
  console.error("Content Security Policy violation: " + event.violatedDirective + " blocked " + event.blockedURI);
});`;

const watched = new WeakSet<BrowserContext>();
const violations: string[] = [];

async function watch(context: BrowserContext): Promise<BrowserContext> {
  if (watched.has(context)) return context;
  watched.add(context);
  await context.addInitScript(violationEvent);
  context.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Content Security Policy")) {
      violations.push(`${message.location().url}: ${message.text()}`);
    }
  });
  return context;
}

export const test = base.extend<{ cspGuard: void }, { browser: Browser }>({
  browser: [
    async ({ browser }, provide) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => watch(await newContext(options));
      await provide(browser);
    },
    { scope: "worker" },
  ],
  context: async ({ context }, provide) => provide(await watch(context)),
  cspGuard: [
    async ({}, provide) => {
      violations.length = 0;
      await provide();
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
