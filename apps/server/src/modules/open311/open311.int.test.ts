import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { TransitionInput } from "../../../../../packages/contracts/src/work-orders.ts";
import { buildTenant } from "../../../test/factories/tenant.factory.ts";
import { setUpHarness } from "../../../test/harness.ts";
import { type Ctx, silentLogger } from "../../platform/actor.ts";
import { systemClock } from "../../platform/clock.ts";
import { issueApiKey } from "../api-keys/api-keys.service.ts";
import { createWorkOrder } from "../work-orders/intake.service.ts";
import { transitionWorkOrder } from "../work-orders/transitions.service.ts";
import { findWorkOrderBySeqNo } from "../work-orders/work-orders.repo.ts";

// GeoReport v2 shapes written from the specification (http://wiki.open311.org/GeoReport_v2),
// independently of the implementation's types: every JSON answer is checked against them.
const w3cDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/);
const SpecService = z.strictObject({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.enum(["realtime", "batch", "blackbox"]),
  keywords: z.string(),
  group: z.string(),
});
const SpecServiceDefinition = z.strictObject({
  service_code: z.string(),
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: z.string(),
      datatype: z.enum(["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"]),
      required: z.boolean(),
      datatype_description: z.string().nullable(),
      order: z.number().int().positive(),
      description: z.string(),
    }),
  ),
});
const SpecPostAnswer = z
  .array(
    z.strictObject({
      service_request_id: z.string().min(1),
      service_notice: z.string().nullable(),
      account_id: z.string().nullable(),
    }),
  )
  .length(1);
const SpecRequest = z.strictObject({
  service_request_id: z.string().min(1),
  status: z.enum(["open", "closed"]),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string().max(4000),
  agency_responsible: z.string().nullable(),
  service_notice: z.string().nullable(),
  requested_datetime: w3cDateTime,
  updated_datetime: w3cDateTime,
  expected_datetime: w3cDateTime.nullable(),
  address: z.string().nullable(),
  address_id: z.string().nullable(),
  zipcode: z.string().nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  long: z.number().min(-180).max(180).nullable(),
  media_url: z.string().nullable(),
});
const SpecRequests = z.array(SpecRequest);
const SpecErrors = z.array(z.strictObject({ code: z.number().int(), description: z.string().min(1) })).min(1);
const SpecDiscovery = z.strictObject({
  changeset: w3cDateTime,
  contact: z.string(),
  key_service: z.string(),
  endpoints: z
    .array(
      z.strictObject({
        specification: z.string(),
        url: z.url(),
        changeset: w3cDateTime,
        type: z.enum(["production", "test"]),
        formats: z.array(z.string()).min(1),
      }),
    )
    .min(1),
});
// What the brief asks of our datetimes: business time with its offset.
const SHANGHAI_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

type XmlNode = { name: string; children: XmlNode[]; text: string };
const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** A strict little XML reader: the UTF-8 declaration, one root, balanced tags, escaped text. */
function parseXml(doc: string): XmlNode {
  const declaration = /^<\?xml version="1\.0" encoding="utf-8"\?>\s*/i.exec(doc);
  if (!declaration) {
    throw new Error("no XML declaration with encoding utf-8");
  }
  const token = /<(\/?)([A-Za-z_][\w.-]*)(\/?)>|([^<]+)/y;
  token.lastIndex = declaration[0].length;
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  while (token.lastIndex < doc.length) {
    const at = token.lastIndex;
    const m = token.exec(doc);
    if (!m) {
      throw new Error(`malformed XML at ${at}: ${doc.slice(at, at + 40)}`);
    }
    const [, closing, name = "", selfClosing, text] = m;
    const parent = stack.at(-1);
    if (text !== undefined) {
      if (/&(?!(lt|gt|amp|quot|apos);)/.test(text) || (!parent && text.trim())) {
        throw new Error(`bad text at ${at}: ${text.slice(0, 40)}`);
      }
      if (parent) {
        parent.text += text.replace(/&(\w+);/g, (_, e: string) => ENTITY[e] ?? "");
      }
    } else if (closing) {
      if (stack.pop()?.name !== name) {
        throw new Error(`unbalanced </${name}> at ${at}`);
      }
    } else {
      const node: XmlNode = { name, children: [], text: "" };
      if (parent) {
        parent.children.push(node);
      } else if (root) {
        throw new Error(`second root <${name}>`);
      } else {
        root = node;
      }
      if (!selfClosing) {
        stack.push(node);
      }
    }
  }
  if (!root || stack.length > 0) {
    throw new Error("unclosed or missing root element");
  }
  return root;
}

const childText = (node: XmlNode | undefined, name: string) => node?.children.find((c) => c.name === name)?.text;

const h = setUpHarness();
let key: string;
let readOnlyKey: string;
let ctx: Ctx;
beforeAll(async () => {
  const issue = (scopes: Array<"open311" | "tickets:read">) =>
    issueApiKey(
      { db: h.database.db, tenantId: h.tenant.id, orgUnitId: h.tenant.units.root.id, createdBy: "t" },
      { name: "Open311客户端", scopes },
    );
  key = (await issue(["open311"])).secret;
  readOnlyKey = (await issue(["tickets:read"])).secret;
  const actor = { kind: "system" as const, tenantId: h.tenant.id, name: "测试" };
  ctx = { db: h.database.db, actor, clock: systemClock, log: silentLogger, requestId: "t" };
  // A second district, so that a public query must name its jurisdiction.
  await buildTenant(h.database.db);
});

const inDistrict = () => `jurisdiction_id=${h.tenant.code}`;
const get = (url: string) => h.built.app.inject({ method: "GET", url });
const postForm = (fields: Record<string, string>, format = "json") =>
  h.built.app.inject({
    method: "POST",
    url: `/open311/v2/requests.${format}`,
    headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    payload: new URLSearchParams(fields).toString(),
  });
const report = (overrides: Record<string, string> = {}) => ({
  api_key: key,
  service_code: "complaint",
  description: `新华街道某路口井盖缺失，夜间行人很容易踩空，十分危险，请尽快处理（${Math.random()}）`,
  address_string: "新华街道迎宾大道与公益路交叉口",
  ...overrides,
});
async function submit(overrides: Record<string, string> = {}): Promise<string> {
  const res = await postForm(report(overrides));
  expect(res.statusCode, res.body).toBe(201);
  const [created] = SpecPostAnswer.parse(res.json());
  return created?.service_request_id ?? "";
}
async function expectSpecError(res: { statusCode: number; json(): unknown }, status: number) {
  expect(res.statusCode).toBe(status);
  const errors = SpecErrors.parse(res.json());
  expect(errors.every((e) => e.code === status)).toBe(true);
  return errors;
}

describe("GET /open311/discovery.json", () => {
  it("describes the v2 endpoint and its formats", async () => {
    const res = await get("/open311/discovery.json");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    const [endpoint] = SpecDiscovery.parse(res.json()).endpoints;
    expect(endpoint).toMatchObject({ specification: "http://wiki.open311.org/GeoReport_v2", type: "production" });
    expect(endpoint?.url).toMatch(/\/open311\/v2$/);
    expect(endpoint?.formats).toEqual(expect.arrayContaining(["application/json", "text/xml"]));
  });
});

describe("GET /open311/v2/services", () => {
  it("lists the five public categories in JSON", async () => {
    const res = await get("/open311/v2/services.json");
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    const services = z.array(SpecService).parse(res.json());
    expect(services.map((s) => s.service_code)).toEqual(["consult", "help", "complaint", "report", "suggestion"]);
    expect(services.find((s) => s.service_code === "complaint")).toMatchObject({
      service_name: "投诉",
      metadata: false,
      type: "realtime",
      group: "12345热线",
    });
  });

  it("lists them in XML with the spec's element names", async () => {
    const res = await get(`/open311/v2/services.xml?${inDistrict()}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/xml; charset=utf-8");
    const root = parseXml(res.body);
    expect(root.name).toBe("services");
    expect(root.children.map((c) => c.name)).toEqual(Array(5).fill("service"));
    expect(root.children[2]?.children.map((c) => c.name)).toEqual([
      "service_code",
      "service_name",
      "description",
      "metadata",
      "type",
      "keywords",
      "group",
    ]);
    expect(childText(root.children[2], "service_name")).toBe("投诉");
    expect(childText(root.children[2], "metadata")).toBe("false");
  });

  it("answers a service definition with no attributes, and 404 for an unknown code", async () => {
    const json = await get("/open311/v2/services/complaint.json");
    expect(SpecServiceDefinition.parse(json.json())).toEqual({ service_code: "complaint", attributes: [] });
    const xml = parseXml((await get("/open311/v2/services/complaint.xml")).body);
    expect(xml.name).toBe("service_definition");
    expect(xml.children.map((c) => c.name)).toEqual(["service_code", "attributes"]);
    const [error] = await expectSpecError(await get("/open311/v2/services/pothole.json"), 404);
    expect(error?.description).toContain("pothole");
    const xmlError = await get("/open311/v2/services/pothole.xml");
    expect(xmlError.statusCode).toBe(404);
    const errors = parseXml(xmlError.body);
    expect(errors.name).toBe("errors");
    expect(errors.children[0]?.children.map((c) => c.name)).toEqual(["code", "description"]);
    expect(childText(errors.children[0], "code")).toBe("404");
  });

  it("refuses an unknown format and an unknown jurisdiction in the spec's format", async () => {
    await expectSpecError(await get("/open311/v2/services.html"), 400);
    await expectSpecError(await get("/open311/v2/services.json?jurisdiction_id=999999"), 404);
  });
});

describe("POST /open311/v2/requests", () => {
  it("turns a form-urlencoded report into an Open311 hotline ticket and answers a one-item array", async () => {
    const description = `  新华街道迎宾大道与公益路交叉口井盖缺失，\n夜间行人很容易踩空，十分危险，请尽快处理（${Math.random()}）`;
    const res = await postForm({
      ...report({ description }),
      jurisdiction_id: h.tenant.code,
      first_name: "三",
      last_name: "张",
      phone: "138 0000 1234",
      email: "zhang@example.com",
      media_url: "https://example.com/1.jpg",
      "attribute[WHISPAWN]": "123",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    const [created] = SpecPostAnswer.parse(res.json());
    expect(created?.service_request_id).toMatch(/^\d+$/);

    const row = await findWorkOrderBySeqNo(h.database.db, Number(created?.service_request_id));
    expect(row).toMatchObject({
      tenantId: h.tenant.id,
      channel: "open311",
      kind: "hotline",
      category: "complaint",
      urgency: "normal",
      status: "received",
      title: [...description.trim().replace(/\s+/g, " ")].slice(0, 30).join(""),
      content: description.trim(),
      callerName: "张三",
      callerPhone: "13800001234",
      address: "新华街道迎宾大道与公益路交叉口",
    });
  });

  it("accepts JSON, coordinates instead of an address, and blank optional fields", async () => {
    const res = await h.built.app.inject({
      method: "POST",
      url: "/open311/v2/requests.json",
      payload: {
        api_key: key,
        service_code: "help",
        description: "小区路灯损坏多日",
        lat: 23.1291,
        long: 113.2644,
        first_name: "John",
        last_name: "Smith",
        phone: "12345",
        email: "",
        address_id: null,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const [created] = SpecPostAnswer.parse(res.json());
    const row = await findWorkOrderBySeqNo(h.database.db, Number(created?.service_request_id));
    // A phone that is not a mainland number is dropped rather than refusing the report.
    expect(row).toMatchObject({ category: "help", callerName: "John Smith", callerPhone: null });
    expect(row?.address).toContain("23.1291,113.2644");

    const blanks = await postForm(report({ lat: "", long: "", email: "", first_name: "", phone: "" }));
    expect(blanks.statusCode, blanks.body).toBe(201);
  });

  it("answers in XML with the spec's element names", async () => {
    const res = await postForm(report(), "xml");
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers["content-type"]).toBe("text/xml; charset=utf-8");
    const root = parseXml(res.body);
    expect(root.name).toBe("service_requests");
    expect(root.children.map((c) => c.name)).toEqual(["request"]);
    expect(root.children[0]?.children.map((c) => c.name)).toEqual([
      "service_request_id",
      "service_notice",
      "account_id",
    ]);
    expect(childText(root.children[0], "service_request_id")).toMatch(/^\d+$/);
  });

  it("refuses a missing, unknown or under-scoped api_key with 403 and writes nothing", async () => {
    const before = (await get(`/open311/v2/requests.json?${inDistrict()}`)).json().length;
    const { api_key: _, ...noKey } = report();
    for (const fields of [noKey, report({ api_key: "zwk_nope" }), report({ api_key: readOnlyKey })]) {
      await expectSpecError(await postForm(fields), 403);
    }
    const xml = await postForm(noKey, "xml");
    expect(xml.statusCode).toBe(403);
    expect(childText(parseXml(xml.body).children[0], "code")).toBe("403");
    expect((await get(`/open311/v2/requests.json?${inDistrict()}`)).json()).toHaveLength(before);
  });

  it("refuses missing or invalid fields with 400, one error per problem", async () => {
    const { description: _, ...noDescription } = report();
    const [missing] = await expectSpecError(await postForm(noDescription), 400);
    expect(missing?.description).toContain("description");
    await expectSpecError(await postForm(report({ description: "   " })), 400);
    await expectSpecError(await postForm(report({ service_code: "" })), 400);
    const { address_string: __, ...noLocation } = report();
    await expectSpecError(await postForm(noLocation), 400);
    await expectSpecError(await postForm({ ...noLocation, lat: "23.1" }), 400);
    await expectSpecError(await postForm({ ...noLocation, lat: "north", long: "113.2" }), 400);
    const several = await expectSpecError(await postForm({ api_key: key, lat: "95", long: "113.2" }), 400);
    expect(several.length).toBeGreaterThanOrEqual(3);
    await expectSpecError(await postForm(report({ description: "长".repeat(4001) })), 400);
    const malformed = await h.built.app.inject({
      method: "POST",
      url: "/open311/v2/requests.xml",
      headers: { "content-type": "application/json" },
      payload: '{"api_key":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(parseXml(malformed.body).name).toBe("errors");
  });

  it("answers 404 for an unknown service_code or another district's jurisdiction_id", async () => {
    await expectSpecError(await postForm(report({ service_code: "pothole" })), 404);
    await expectSpecError(await postForm(report({ jurisdiction_id: "999999" })), 404);
  });
});

describe("GET /open311/v2/requests", () => {
  it("answers one request as a one-item array, with string ids, zoned datetimes and no personal data", async () => {
    const id = await submit({ first_name: "三", last_name: "张", phone: "13800001234" });
    const res = await get(`/open311/v2/requests/${id}.json?${inDistrict()}`);
    expect(res.statusCode, res.body).toBe(200);
    const requests = SpecRequests.length(1).parse(res.json());
    const [request] = requests;
    expect(request).toMatchObject({
      service_request_id: id,
      status: "open",
      status_notes: "待派单",
      service_code: "complaint",
      service_name: "投诉",
      agency_responsible: null,
      address: "新华街道迎宾大道与公益路交叉口",
    });
    for (const at of [request?.requested_datetime, request?.updated_datetime, request?.expected_datetime]) {
      expect(at).toMatch(SHANGHAI_TIME);
    }
    expect(Date.parse(request?.expected_datetime ?? "")).toBeGreaterThan(Date.parse(request?.requested_datetime ?? ""));
    expect(res.body).not.toContain("13800001234");
    expect(res.body).not.toContain("张三");

    const xml = parseXml((await get(`/open311/v2/requests/${id}.xml?${inDistrict()}`)).body);
    expect(xml.name).toBe("service_requests");
    expect(xml.children.map((c) => c.name)).toEqual(["request"]);
    expect(xml.children[0]?.children.map((c) => c.name)).toEqual(Object.keys(SpecRequest.shape));
    expect(childText(xml.children[0], "service_request_id")).toBe(id);
    expect(childText(xml.children[0], "requested_datetime")).toMatch(SHANGHAI_TIME);
  });

  it("answers 404 for unknown ids and for tickets that did not come through Open311", async () => {
    const { workOrder } = await createWorkOrder(ctx, {
      receivedAt: new Date().toISOString(),
      kind: "hotline",
      category: "complaint",
      urgency: "normal",
      channel: "phone",
      title: "电话来电",
      content: `电话反映的问题${Math.random()}`,
      callerPhone: "13900001111",
      campaignTags: [],
    });
    for (const id of [String(workOrder.seqNo), "999999999", "abc", "007"]) {
      await expectSpecError(await get(`/open311/v2/requests/${id}.json?${inDistrict()}`), 404);
    }
    const xml = await get(`/open311/v2/requests/999999999.xml?${inDistrict()}`);
    expect(xml.statusCode).toBe(404);
    expect(parseXml(xml.body).name).toBe("errors");
    const list = SpecRequests.parse((await get(`/open311/v2/requests.json?${inDistrict()}`)).json());
    expect(list.map((r) => r.service_request_id)).not.toContain(String(workOrder.seqNo));
  });

  it("shows the handling unit once dispatched and closed once the ticket is closed", async () => {
    const id = await submit();
    const row = await findWorkOrderBySeqNo(h.database.db, Number(id));
    const step = (input: Partial<TransitionInput> & Pick<TransitionInput, "action">) =>
      transitionWorkOrder(ctx, row?.id ?? "", { attachments: [], ...input });
    await step({ action: "dispatch", unitId: h.tenant.units.a1.id });
    const dispatched = SpecRequests.parse((await get(`/open311/v2/requests/${id}.json?${inDistrict()}`)).json());
    expect(dispatched[0]).toMatchObject({ status: "open", agency_responsible: h.tenant.units.a1.name });

    await step({ action: "accept" });
    await step({ action: "reply", reason: "已补装井盖" });
    await step({ action: "approve_reply" });
    await step({ action: "follow_up", satisfaction: 5, resolved: true });
    const closed = SpecRequests.parse((await get(`/open311/v2/requests.json?${inDistrict()}&status=closed`)).json());
    const mine = closed.find((r) => r.service_request_id === id);
    expect(mine).toMatchObject({ status: "closed", status_notes: "已办结" });
    const open = SpecRequests.parse((await get(`/open311/v2/requests.json?${inDistrict()}&status=open`)).json());
    expect(open.map((r) => r.service_request_id)).not.toContain(id);
    const both = SpecRequests.parse(
      (await get(`/open311/v2/requests.json?${inDistrict()}&status=open&status=closed`)).json(),
    );
    expect(both.map((r) => r.service_request_id)).toContain(id);
  });

  it("filters by ids (overriding other filters), service codes and dates", async () => {
    const complaint = await submit();
    const suggestion = await submit({ service_code: "suggestion" });
    const byIds = SpecRequests.parse(
      (
        await get(
          `/open311/v2/requests.json?${inDistrict()}&service_request_id=${complaint},${suggestion}&status=closed`,
        )
      ).json(),
    );
    expect(byIds.map((r) => r.service_request_id).sort()).toEqual([complaint, suggestion].sort());

    const onlySuggestions = SpecRequests.parse(
      (await get(`/open311/v2/requests.json?${inDistrict()}&service_code=suggestion`)).json(),
    );
    expect(onlySuggestions.every((r) => r.service_code === "suggestion")).toBe(true);
    expect(onlySuggestions.map((r) => r.service_request_id)).toContain(suggestion);
    const twoCodes = SpecRequests.parse(
      (await get(`/open311/v2/requests.json?${inDistrict()}&service_code=suggestion,complaint`)).json(),
    );
    const twoIds = twoCodes.map((r) => r.service_request_id);
    expect(twoIds).toEqual(expect.arrayContaining([complaint, suggestion]));
    // Newest first.
    expect(twoIds.indexOf(suggestion)).toBeLessThan(twoIds.indexOf(complaint));

    const old = SpecRequests.parse(
      (
        await get(
          `/open311/v2/requests.json?${inDistrict()}&start_date=2020-01-01T00:00:00Z&end_date=2020-02-01T00:00:00%2B08:00`,
        )
      ).json(),
    );
    expect(old).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const recent = SpecRequests.parse(
      (await get(`/open311/v2/requests.json?${inDistrict()}&start_date=${today}T00:00Z`)).json(),
    );
    expect(recent.map((r) => r.service_request_id)).toContain(complaint);
  });

  it("refuses bad filters and a missing or unknown jurisdiction in the spec's format", async () => {
    const base = `/open311/v2/requests.json?${inDistrict()}`;
    await expectSpecError(await get(`${base}&start_date=2020-01-01T00:00:00Z&end_date=2020-06-01T00:00:00Z`), 400);
    await expectSpecError(await get(`${base}&start_date=2020-02-01T00:00:00Z&end_date=2020-01-01T00:00:00Z`), 400);
    await expectSpecError(await get(`${base}&start_date=2020-01-01`), 400);
    await expectSpecError(await get(`${base}&status=pending`), 400);
    // Another district exists (see beforeAll), so the jurisdiction must be named.
    const [required] = await expectSpecError(await get("/open311/v2/requests.json"), 400);
    expect(required?.description).toBe("jurisdiction_id required");
    await expectSpecError(await get("/open311/v2/requests/1.json"), 400);
    await expectSpecError(await get("/open311/v2/requests.json?jurisdiction_id=999999"), 404);
    // An empty optional parameter means the same as an absent one.
    expect((await get(`${base}&service_code=&status=&start_date=`)).statusCode).toBe(200);
  });

  it("answers unknown Open311 paths with 404 in the spec's format", async () => {
    await expectSpecError(await get("/open311/v2/tokens/1.json"), 404);
    const xml = await get("/open311/v2/nothing.xml");
    expect(xml.statusCode).toBe(404);
    expect(parseXml(xml.body).name).toBe("errors");
  });
});
