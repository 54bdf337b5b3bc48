import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { setUpHarness } from "../../../test/harness.ts";
import { issueApiKey } from "../api-keys/api-keys.service.ts";

// GeoReport v2 shapes written from the specification (http://wiki.open311.org/GeoReport_v2),
// independently of the implementation: every JSON answer is checked against them.
const isoWithZone = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/);
const SpecServices = z.array(
  z.object({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    metadata: z.boolean(),
    type: z.enum(["realtime", "batch", "blackbox"]),
    keywords: z.string(),
    group: z.string(),
  }),
);
const SpecDefinition = z.object({ service_code: z.string(), attributes: z.array(z.unknown()) });
const SpecPostAnswer = z
  .array(
    z.object({
      service_request_id: z.string(),
      service_notice: z.string().nullable(),
      account_id: z.string().nullable(),
    }),
  )
  .length(1);
const SpecRequest = z.object({
  service_request_id: z.string(),
  status: z.enum(["open", "closed"]),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: isoWithZone,
  updated_datetime: isoWithZone,
  expected_datetime: isoWithZone.nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  media_url: z.string().nullable(),
});
const SpecErrors = z.array(z.object({ code: z.number().int(), description: z.string() })).min(1);
const SpecDiscovery = z.object({
  changeset: isoWithZone,
  contact: z.string(),
  key_service: z.string(),
  endpoints: z
    .array(
      z.object({
        specification: z.string(),
        url: z.string(),
        changeset: isoWithZone,
        type: z.string(),
        formats: z.array(z.string()),
      }),
    )
    .min(1),
});

const h = setUpHarness();
let key: string;
let otherKey: string;
beforeAll(async () => {
  const issue = (scopes: Array<"open311" | "tickets:read">) =>
    issueApiKey(
      { db: h.database.db, tenantId: h.tenant.id, orgUnitId: h.tenant.units.root.id, createdBy: "t" },
      { name: "Open311客户端", scopes },
    );
  key = (await issue(["open311"])).secret;
  otherKey = (await issue(["tickets:read"])).secret;
});

const jurisdiction = () => `jurisdiction_id=${h.tenant.code}`;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (fields: Record<string, string>, format = "json") =>
  h.built.app.inject({
    method: "POST",
    url: `/open311/v2/requests.${format}`,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: form(fields),
  });

describe("Open311 GeoReport v2", () => {
  it("serves the discovery document and the service list in JSON and XML", async () => {
    SpecDiscovery.parse((await h.built.app.inject({ url: "/open311/discovery.json" })).json());
    const json = await h.built.app.inject({ url: "/open311/v2/services.json" });
    expect(json.headers["content-type"]).toContain("application/json");
    expect(SpecServices.parse(json.json()).map((s) => s.service_code)).toContain("complaint");
    const xml = await h.built.app.inject({ url: "/open311/v2/services.xml" });
    expect(xml.headers["content-type"]).toContain("text/xml");
    expect(xml.body).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>consult<\/service_code>/,
    );
    expect(xml.body.match(/<service>/g)).toHaveLength(5);
    SpecDefinition.parse((await h.built.app.inject({ url: "/open311/v2/services/complaint.json" })).json());
    const unknown = await h.built.app.inject({ url: "/open311/v2/services/nothing.json" });
    expect(unknown.statusCode).toBe(404);
    SpecErrors.parse(unknown.json());
  });

  it("turns a posted report into a hotline work order and answers with an array", async () => {
    const res = await post({
      api_key: key,
      service_code: "complaint",
      description: "新华街道某路口井盖缺失，夜间很危险",
      address_string: "新华街道某路口",
      first_name: "三",
      last_name: "张",
      phone: "13800001234",
    });
    expect(res.statusCode, res.body).toBe(201);
    const [created] = SpecPostAnswer.parse(res.json());
    const one = await h.built.app.inject({
      url: `/open311/v2/requests/${created?.service_request_id}.json?${jurisdiction()}`,
    });
    const [request] = z.array(SpecRequest).length(1).parse(one.json());
    expect(request).toMatchObject({ service_code: "complaint", status: "open", address: "新华街道某路口" });
    expect(one.body).not.toContain("13800001234");
    expect(one.body).not.toContain("张三");
    const list = await h.built.app.inject({ url: `/open311/v2/requests.json?${jurisdiction()}&status=open` });
    expect(
      z
        .array(SpecRequest)
        .parse(list.json())
        .map((r) => r.service_request_id),
    ).toContain(created?.service_request_id);
    const xml = await h.built.app.inject({
      url: `/open311/v2/requests/${created?.service_request_id}.xml?${jurisdiction()}`,
    });
    expect(xml.body).toContain(
      `<service_requests><request><service_request_id>${created?.service_request_id}</service_request_id>`,
    );
  });

  it("refuses a missing or wrong key with 403 and bad fields with 400, in the spec's error format", async () => {
    for (const res of [
      await post({ service_code: "complaint", description: "x", address_string: "y" }),
      await post({ api_key: "zwk_nope", service_code: "complaint", description: "x", address_string: "y" }),
      await post({ api_key: otherKey, service_code: "complaint", description: "x", address_string: "y" }),
    ]) {
      expect(res.statusCode).toBe(403);
      SpecErrors.parse(res.json());
    }
    const noDescription = await post({ api_key: key, service_code: "complaint", address_string: "y" });
    expect(noDescription.statusCode).toBe(400);
    SpecErrors.parse(noDescription.json());
    const noLocation = await post({ api_key: key, service_code: "complaint", description: "井盖缺失" });
    expect(noLocation.statusCode).toBe(400);
    const xmlError = await post({ api_key: key, service_code: "complaint", description: "井盖缺失" }, "xml");
    expect(xmlError.body).toMatch(/<errors><error><code>400<\/code><description>.+<\/description><\/error><\/errors>/);
  });

  it("answers unknown ids and non-Open311 tickets with 404 in the spec's format", async () => {
    for (const id of ["999999999", "abc"]) {
      const res = await h.built.app.inject({ url: `/open311/v2/requests/${id}.json?${jurisdiction()}` });
      expect(res.statusCode).toBe(404);
      SpecErrors.parse(res.json());
    }
  });
});
