import { describe, expect, it } from "vitest";
import { escapeXmlText, toXmlDocument } from "./open311-xml.ts";

describe("toXmlDocument", () => {
  it("writes lists with the spec's item names, nulls as empty elements and scalars as text", () => {
    expect(toXmlDocument("errors", [{ code: 404, description: "not found" }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>404</code><description>not found</description></error></errors>',
    );
    expect(toXmlDocument("service_definition", { service_code: "help", attributes: [] })).toContain(
      "<service_definition><service_code>help</service_code><attributes></attributes></service_definition>",
    );
    expect(
      toXmlDocument("service_requests", [{ service_request_id: "7", account_id: null, lat: 23.5, ok: false }]),
    ).toContain(
      "<service_requests><request><service_request_id>7</service_request_id><account_id/><lat>23.5</lat><ok>false</ok></request></service_requests>",
    );
  });

  it("refuses a list without a known item name and a key that is no element name", () => {
    expect(() => toXmlDocument("things", [1])).toThrow(/item element name/);
    expect(() => toXmlDocument("request", { "bad name": 1 })).toThrow(/element name/);
  });
});

describe("escapeXmlText", () => {
  it("escapes markup and drops characters XML 1.0 cannot carry, keeping Chinese, emoji and line breaks", () => {
    expect(escapeXmlText(`a<b>&"c'`)).toBe("a&lt;b&gt;&amp;&quot;c&apos;");
    expect(escapeXmlText("井盖\u0000缺失\u0008\u001f\uFFFE\uD800！😀\n\t\r")).toBe("井盖缺失！😀\n\t\r");
    expect(escapeXmlText("]]>")).toBe("]]&gt;");
  });
});
