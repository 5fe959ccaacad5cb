import { describe, expect, it } from "vitest";
import { webhookUrlProblem } from "@/lib/webhooks/endpoint-input";

describe("webhook endpoint URLs", () => {
  it("accept public http(s) URLs", () => {
    for (const url of [
      "https://example.com/hooks",
      "http://hooks.example.org:8080/a?b=c",
      "https://[2001:4860::8888]/x",
    ]) {
      expect(webhookUrlProblem(url, false), url).toBeNull();
    }
  });

  it("refuse other schemes, credentials and garbage", () => {
    expect(webhookUrlProblem("ftp://example.com/", false)).toBe("webhook_url_scheme");
    expect(webhookUrlProblem("javascript:alert(1)", false)).toBe("webhook_url_scheme");
    expect(webhookUrlProblem("https://user:pw@example.com/", false)).toBe("webhook_url_credentials");
    expect(webhookUrlProblem("not a url", false)).toBe("webhook_url_invalid");
  });

  it("refuse loopback, private and link-local targets unless the sandbox allows them", () => {
    const inside = [
      "http://127.0.0.1:3000/",
      "http://localhost/",
      "http://api.localhost/",
      "http://10.1.2.3/",
      "http://192.168.1.20/",
      "http://172.16.0.1/",
      "http://169.254.169.254/latest/meta-data",
      "http://[::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://[fd00::1]/",
      "http://0.0.0.0/",
      "http://100.64.0.1/",
    ];
    for (const url of inside) {
      expect(webhookUrlProblem(url, false), url).toBe("webhook_url_private");
      expect(webhookUrlProblem(url, true), url).toBeNull();
    }
  });
});
