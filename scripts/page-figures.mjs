// `npm run bench:pages`: first-load JavaScript and Lighthouse scores of the recharge and orders
// pages, on a production build served from a fresh embedded database, as a signed-in user.
// Prints figures; asserts nothing (targets: ≤ 150 kB gzipped JS, Lighthouse ≥ 95).
// PAGES_PORT sets the server's port (default: any free one).
// Plain JavaScript on purpose: Lighthouse serializes functions into the page, and a TypeScript
// loader's injected helpers (esbuild's __name) would break them there.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const root = path.resolve(import.meta.dirname, "..");
const chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const chromeFlags = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-dev-shm-usage",
];
const pages = ["/recharge", "/orders"];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitFor(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not come up`);
}

function startServer(port) {
  return spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "recharge-pages-")),
      DATABASE_URL: "",
      APP_URL: `http://127.0.0.1:${port}`,
      NEXT_MANUAL_SIG_HANDLE: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
}

/** Signs a new user up and in through the app's own endpoints; returns the session cookie. */
async function sessionCookie(base) {
  const email = `pages-${Date.now()}@example.com`;
  const password = "pages1234";
  const signUp = await fetch(`${base}/api/sign-up`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (signUp.status !== 201) throw new Error(`sign-up failed: ${signUp.status}`);
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = signIn.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error("sign-in gave no session cookie");
  const [name, ...value] = session.split("=");
  return { name, value: value.join("=") };
}

/** Gzipped size of every script the page loads on a cold first visit. */
async function firstLoadJs(base, cookie, pagePath) {
  const browser = await chromium.launch({
    executablePath: chromePath,
    args: chromeFlags.filter((flag) => !flag.startsWith("--headless")),
  });
  try {
    const context = await browser.newContext();
    await context.addCookies([{ ...cookie, url: base }]);
    const page = await context.newPage();
    const sizes = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script")
        sizes.push(response.body().then((body) => gzipSync(body).length));
    });
    await page.goto(`${base}${pagePath}`, { waitUntil: "networkidle" });
    return (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
  } finally {
    await browser.close();
  }
}

async function lighthouseScores(url, cookie, formFactor) {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags });
  try {
    const desktop = formFactor === "desktop";
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        extraHeaders: { Cookie: `${cookie.name}=${cookie.value}` },
      },
      {
        extends: "lighthouse:default",
        settings: {
          onlyCategories: ["performance", "accessibility"],
          formFactor,
          screenEmulation: desktop
            ? { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false }
            : { mobile: true, width: 412, height: 823, deviceScaleFactor: 1.75, disabled: false },
          ...(desktop ? { throttling: { rttMs: 40, throughputKbps: 10_240, cpuSlowdownMultiplier: 1 } } : {}),
        },
      },
    );
    const categories = result?.lhr.categories;
    const audits = result?.lhr.audits ?? {};
    const ms = (id) => Math.round(audits[id]?.numericValue ?? NaN);
    return {
      performance: Math.round((categories?.performance?.score ?? 0) * 100),
      accessibility: Math.round((categories?.accessibility?.score ?? 0) * 100),
      // What the performance score is made of, so a low score says which part to look at.
      metrics: `FCP ${ms("first-contentful-paint")} ms, LCP ${ms("largest-contentful-paint")} ms, TBT ${ms("total-blocking-time")} ms, SI ${ms("speed-index")} ms, CLS ${(audits["cumulative-layout-shift"]?.numericValue ?? NaN).toFixed(3)}`,
    };
  } finally {
    chrome.kill();
  }
}

async function main() {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    const build = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const port = Number(process.env.PAGES_PORT) || (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const server = startServer(port);
  try {
    await waitFor(`${base}/sign-in`, 120_000);
    const cookie = await sessionCookie(base);
    const rows = [];
    const metrics = [];
    for (const pagePath of pages) {
      const js = await firstLoadJs(base, cookie, pagePath);
      const mobile = await lighthouseScores(`${base}${pagePath}`, cookie, "mobile");
      const desktop = await lighthouseScores(`${base}${pagePath}`, cookie, "desktop");
      const kb = (js / 1024).toFixed(1);
      metrics.push(`${pagePath} mobile: ${mobile.metrics}`, `${pagePath} desktop: ${desktop.metrics}`);
      rows.push(
        `| ${pagePath} | ${kb} kB ${js <= 150 * 1024 ? "PASS" : "MISS"} | ${mobile.performance} / ${desktop.performance} | ${mobile.accessibility} / ${desktop.accessibility} |`,
      );
    }
    process.stdout.write(
      [
        "",
        "| page | first-load JS (gzip, target ≤ 150 kB) | Lighthouse performance (mobile / desktop) | accessibility (mobile / desktop) |",
        "| --- | --- | --- | --- |",
        ...rows,
        "",
        ...metrics,
        "",
      ].join("\n"),
    );
  } finally {
    server.kill("SIGTERM");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
