import { describe, expect, it } from "vitest";
import { CkanError, failure } from "./ckan-envelope.ts";
import { searchDatasets } from "./ckan-search.ts";
import { DATASETS, SITE } from "./open-data.fixture.ts";

const search = (p: Record<string, unknown>) => searchDatasets(DATASETS, p, SITE.licence.id);
const codes = (p: Record<string, unknown>) => search(p).page.map((d) => d.code);

/** The error dictionary a CKAN client receives for a call that throws. */
function errorOf(p: Record<string, unknown>) {
  try {
    search(p);
  } catch (e) {
    if (e instanceof CkanError) {
      return { status: e.status, body: failure(SITE.apiBase, "package_search", e) };
    }
    throw e;
  }
  throw new Error("no error");
}

// Expectations from CKAN's API documentation (package_search's parameters and defaults, the API
// guide's error dictionaries), not from this implementation's answers.
describe("package_search as CKAN documents it", () => {
  it("defaults: q *:* returns everything, sort 'score desc, metadata_modified desc', rows 10 from 0", () => {
    const r = search({});
    expect(r.count).toBe(3);
    expect(r.sort).toBe("score desc, metadata_modified desc");
    // Equal scores: newest modification first.
    expect(r.page.map((d) => d.code)).toEqual(["30201001-00001", "20101001-00001", "30101001-00002"]);
  });

  it("rows and start page the results; rows above the maximum (1000) is capped, not refused", () => {
    expect(codes({ rows: "1", start: "1", sort: "name asc" })).toEqual(["30101001-00002"]);
    expect(search({ rows: 5000 }).page).toHaveLength(3);
    expect(codes({ rows: "0" })).toEqual([]);
  });

  it("a non-integer or negative rows/start is a Validation Error (409) naming the field", () => {
    expect(errorOf({ rows: "ten" })).toEqual({
      status: 409,
      body: {
        help: `${SITE.apiBase}/api/3/action/help_show?name=package_search`,
        success: false,
        error: { __type: "Validation Error", rows: ["Invalid integer"] },
      },
    });
    expect(errorOf({ start: "-1" }).body.error).toEqual({
      __type: "Validation Error",
      start: ["Must be a natural number"],
    });
  });

  it("an unknown parameter is a Search Query Error (400) naming it", () => {
    const e = errorOf({ q: "旅游", colour: "red" });
    expect(e.status).toBe(400);
    expect(e.body.error.__type).toBe("Search Query Error");
    expect(String(e.body.error.message)).toContain("'colour'");
  });

  it("q: free text inside Chinese words, several terms all required, field:value and quoted phrases", () => {
    expect(new Set(codes({ q: "文化" }))).toEqual(new Set(["20101001-00001", "30101001-00002"]));
    expect(codes({ q: "文化 开放时间" })).toEqual(["30101001-00002"]);
    expect(codes({ q: "name:30201001-00001" })).toEqual(["30201001-00001"]);
    expect(codes({ q: 'title:"A级旅游景区名录"' })).toEqual(["20101001-00001"]);
    expect(codes({ q: "不存在的词" })).toEqual([]);
  });

  it("q ranks title matches above summary-only matches (score desc)", () => {
    // "景区" is in dataset 1's title; "地址" only in summaries of datasets 1 and 3.
    expect(codes({ q: "景区" })[0]).toBe("20101001-00001");
  });

  it("fq filters by organization, groups, tags and res_format; '-' negates; fq_list adds clauses", () => {
    expect(new Set(codes({ fq: "organization:6f1e1c2a-0000-4000-8000-000000000001" }))).toEqual(
      new Set(["20101001-00001", "30101001-00002"]),
    );
    expect(codes({ fq: "groups:thematic" })).toEqual(["20101001-00001"]);
    expect(codes({ fq: 'tags:"便民服务"' })).toEqual(["30201001-00001"]);
    // The 有条件开放 dataset offers no download, so no format.
    expect(search({ fq: "res_format:CSV" }).count).toBe(2);
    expect(search({ fq: "-groups:department" }).count).toBe(1);
    expect(codes({ fq: "groups:department", fq_list: '["tags:文化"]' })).toEqual(["30101001-00002"]);
  });

  it("sort by name, title_string and metadata_modified, asc or desc; a bad sort is a Search Error (409)", () => {
    expect(codes({ sort: "name desc" })).toEqual(["30201001-00001", "30101001-00002", "20101001-00001"]);
    expect(codes({ sort: "metadata_modified asc" })).toEqual(["30101001-00002", "20101001-00001", "30201001-00001"]);
    expect(errorOf({ sort: "colour asc" })).toMatchObject({ status: 409, body: { error: { __type: "Search Error" } } });
  });

  it("facets only for the fields facet.field names, as counts and as search_facets items", () => {
    expect(search({}).facets).toEqual({});
    const r = search({ "facet.field": '["groups","organization"]' });
    expect(r.facets.groups).toEqual({ department: 2, thematic: 1 });
    expect(r.searchFacets.groups?.items).toContainEqual({ name: "department", display_name: "部门信息资源", count: 2 });
    expect(r.facets.organization?.["6f1e1c2a-0000-4000-8000-000000000002"]).toBe(1);
  });
});
