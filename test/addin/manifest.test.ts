import { existsSync, readFileSync } from "node:fs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { productionManifest, publicUrl } = require("../../scripts/production-manifest.cjs") as {
  productionManifest: (xml: string, base: string) => string;
  publicUrl: (raw: string | undefined) => string;
};
const webpackConfig = require("../../webpack.config.js") as (env: Record<string, unknown>, argv: { mode: string }) => Promise<unknown>;

type Node = Record<string, unknown>;

const source = readFileSync("manifest.xml", "utf8");
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: () => true });
const ordered = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", preserveOrder: true });

/** Every element of the tree, with its tag and path, in document order. */
function walk(nodes: Node[], path: string[] = [], out: { tag: string; path: string[]; node: Node }[] = []) {
  for (const n of nodes) {
    const tag = Object.keys(n).find((k) => k !== ":@" && k !== "#text");
    if (!tag) continue;
    out.push({ tag, path, node: n });
    walk((n[tag] as Node[]) ?? [], [...path, tag], out);
  }
  return out;
}

const tree = ordered.parse(source) as Node[];
const elements = walk(tree);
const attr = (n: Node, name: string) => ((n[":@"] as Record<string, string> | undefined) ?? {})[`@${name}`];
const childTags = (tag: string) => {
  const el = elements.find((e) => e.tag === tag);
  return ((el?.node[tag] as Node[]) ?? []).map((c) => Object.keys(c).find((k) => k !== ":@" && k !== "#text")).filter(Boolean) as string[];
};

/** The schema's sequence: present children must appear in this order. */
function inSchemaOrder(actual: string[], sequence: string[]) {
  const idx = actual.map((t) => sequence.indexOf(t));
  expect(idx, `unknown element among ${actual.join(", ")}`).not.toContain(-1);
  expect([...idx].sort((a, b) => a - b)).toEqual(idx);
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(source)).toBe(true);
    expect(parser.parse(source).OfficeApp).toBeDefined();
  });

  it("keeps the schema's element order", () => {
    inSchemaOrder(childTags("OfficeApp"), [
      "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides",
    ]);
    inSchemaOrder(childTags("VersionOverrides"), ["Description", "Requirements", "Hosts", "Resources", "EquivalentAddins", "WebApplicationInfo"]);
    inSchemaOrder(childTags("Resources"), ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]);
    inSchemaOrder(childTags("DesktopFormFactor"), ["GetStarted", "FunctionFile", "ExtensionPoint"]);
    inSchemaOrder(childTags("Control"), ["Label", "Supertip", "Icon", "Action"]);
    const host = elements.find((e) => e.tag === "Host" && attr(e.node, "xsi:type") === "Workbook")!;
    const hostChildren = (host.node.Host as Node[]).map((c) => Object.keys(c).find((k) => k !== ":@")!);
    inSchemaOrder(hostChildren, ["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    const cf = elements.find((e) => e.tag === "ExtensionPoint" && attr(e.node, "xsi:type") === "CustomFunctions")!;
    inSchemaOrder((cf.node.ExtensionPoint as Node[]).map((c) => Object.keys(c).find((k) => k !== ":@")!), ["Script", "Page", "Metadata", "Namespace"]);
  });

  it("resolves every resid to a resource of the right kind", () => {
    const ids = new Map<string, string>();
    for (const e of elements) {
      const id = attr(e.node, "id");
      if (id && ["bt:Image", "bt:Url", "bt:String"].includes(e.tag)) ids.set(id, e.path.at(-1)!);
    }
    const used = elements.filter((e) => attr(e.node, "resid"));
    expect(used.length).toBeGreaterThan(10);
    for (const e of used) {
      const resid = attr(e.node, "resid")!;
      expect(ids.has(resid), `resid ${resid} on <${e.tag}> has no resource`).toBe(true);
      expect(resid.length, `resid ${resid} is longer than 32 characters`).toBeLessThanOrEqual(32);
      const kind = ids.get(resid);
      if (e.tag === "bt:Image") expect(kind).toBe("bt:Images");
      if (e.tag === "SourceLocation" || e.tag === "FunctionFile" || e.tag === "Runtime" || e.tag === "LearnMoreUrl") expect(kind).toBe("bt:Urls");
      if (["Label", "Title", "Namespace"].includes(e.tag)) expect(kind).toBe("bt:ShortStrings");
      if (e.tag === "Description" && e.path.at(-1) !== "OfficeApp") expect(["bt:LongStrings", "bt:ShortStrings"]).toContain(kind);
    }
  });

  it("runs the task pane, the functions and the commands in one long-lived runtime", () => {
    const runtime = elements.find((e) => e.tag === "Runtime")!;
    expect(attr(runtime.node, "lifetime")).toBe("long");
    const shared = attr(runtime.node, "resid");
    const functionFile = elements.find((e) => e.tag === "FunctionFile")!;
    expect(attr(functionFile.node, "resid")).toBe(shared);
    const page = elements.find((e) => e.tag === "SourceLocation" && e.path.at(-1) === "Page")!;
    expect(attr(page.node, "resid")).toBe(shared);
    const paneActions = elements.filter((e) => e.tag === "Action" && attr(e.node, "xsi:type") === "ShowTaskpane");
    expect(paneActions.length).toBeGreaterThan(0);
    for (const a of paneActions) {
      const children = a.node.Action as Node[];
      expect(children.some((c) => "TaskpaneId" in c), "a TaskpaneId would open a second runtime").toBe(false);
      const loc = children.find((c) => "SourceLocation" in c)!;
      expect(attr(loc, "resid")).toBe(shared);
    }
    expect(source).not.toContain("<TaskpaneId>");
  });

  it("declares the KAOHE namespace, ReadWriteDocument, a Home tab button and Chinese strings", () => {
    const ns = elements.find((e) => e.tag === "Namespace")!;
    const nsString = elements.find((e) => e.tag === "bt:String" && attr(e.node, "id") === attr(ns.node, "resid"))!;
    expect(attr(nsString.node, "DefaultValue")).toBe("KAOHE");
    expect(source).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(elements.some((e) => e.tag === "OfficeTab" && attr(e.node, "id") === "TabHome")).toBe(true);
    const strings = elements.filter((e) => e.tag === "bt:String" && attr(e.node, "id") !== attr(ns.node, "resid"));
    for (const s of strings) {
      const zh = ((s.node["bt:String"] as Node[]) ?? []).find((c) => "bt:Override" in c && attr(c, "Locale") === "zh-CN");
      expect(zh, `string ${attr(s.node, "id")} has no zh-CN text`).toBeDefined();
      expect(attr(zh!, "Value")).toMatch(/[\u4e00-\u9fff]/);
    }
    const metadata = elements.find((e) => e.tag === "bt:Url" && attr(e.node, "id") === "Functions.Metadata.Url")!;
    const zhMeta = (metadata.node["bt:Url"] as Node[]).find((c) => attr(c, "Locale") === "zh-CN");
    expect(attr(zhMeta!, "Value")).toMatch(/functions\.zh-CN\.json$/);
  });

  it("has every icon it names", () => {
    for (const m of source.matchAll(/https:\/\/localhost:3000\/(assets\/[\w.-]+\.png)/g)) expect(existsSync(m[1]), m[1]).toBe(true);
  });
});

describe("the county's manifest (scripts/production-manifest.cjs)", () => {
  const county = "https://kaohe.example-county.gov.cn/addin/";
  const urlsOf = (xml: string) => [...xml.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => m[1]);
  const appDomainsOf = (xml: string) => [...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]);

  it("puts every file under the county's URL, path included", () => {
    const prod = productionManifest(source, county);
    expect(prod).not.toMatch(/localhost/);
    const urls = urlsOf(prod);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith(county), u).toBe(true);
    expect(prod).toContain('<SourceLocation DefaultValue="https://kaohe.example-county.gov.cn/addin/taskpane.html"/>');
    expect(prod).toContain('DefaultValue="https://kaohe.example-county.gov.cn/addin/functions.json"');
    expect(prod).toContain('Value="https://kaohe.example-county.gov.cn/addin/functions.zh-CN.json"');
    expect(prod).toContain('DefaultValue="https://kaohe.example-county.gov.cn/addin/assets/icon-80.png"');
  });

  it("lists no AppDomain for the add-in's own origin, which Microsoft's docs call misleading", () => {
    const own = new URL(urlsOf(source).find((u) => u.endsWith("/taskpane.html"))!).origin;
    for (const d of appDomainsOf(source)) expect(d, "an AppDomain is an origin only").not.toBe(own);
  });

  it("writes an AppDomain as a bare origin, never with the URL's path", () => {
    const withDomain = '<AppDomains><AppDomain>https://localhost:3000</AppDomain></AppDomains><SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>';
    expect(productionManifest(withDomain, county)).toBe(
      '<AppDomains><AppDomain>https://kaohe.example-county.gov.cn</AppDomain></AppDomains><SourceLocation DefaultValue="https://kaohe.example-county.gov.cn/addin/taskpane.html"/>',
    );
    expect(productionManifest(withDomain, "https://10.1.2.3:8443/kh/")).toBe(
      '<AppDomains><AppDomain>https://10.1.2.3:8443</AppDomain></AppDomains><SourceLocation DefaultValue="https://10.1.2.3:8443/kh/taskpane.html"/>',
    );
  });

  it("takes the URL with or without its final slash, and only over HTTPS", () => {
    expect(publicUrl("https://kaohe.example-county.gov.cn/addin")).toBe(county);
    expect(publicUrl(" https://kaohe.example-county.gov.cn ")).toBe("https://kaohe.example-county.gov.cn/");
    for (const bad of ["http://kaohe.example-county.gov.cn/addin/", "kaohe.example-county.gov.cn/addin/", "https://h/addin/?v=1", "https://h/addin/#x"])
      expect(() => publicUrl(bad), bad).toThrow(/KAOHE_PUBLIC_URL[\s\S]*KAOHE_PUBLIC_URL/);
  });

  it("stops a production build without KAOHE_PUBLIC_URL, saying in Chinese and English how to build", async () => {
    for (const missing of [undefined, "", "  "]) expect(() => publicUrl(missing)).toThrow(/未设置 KAOHE_PUBLIC_URL[\s\S]*KAOHE_PUBLIC_URL is not set/);
    expect(() => publicUrl(undefined)).toThrow("KAOHE_PUBLIC_URL=https://kaohe.example-county.gov.cn/addin/ npm run build");
    const saved = process.env.KAOHE_PUBLIC_URL;
    delete process.env.KAOHE_PUBLIC_URL;
    try {
      await expect(webpackConfig({}, { mode: "production" })).rejects.toThrow(/未设置 KAOHE_PUBLIC_URL/);
      // The development build (npm start, dev-server) and the test build (--env publicUrl=) need no variable.
      await expect(webpackConfig({}, { mode: "development" })).resolves.toBeDefined();
      await expect(webpackConfig({ publicUrl: county }, { mode: "production" })).resolves.toBeDefined();
    } finally {
      if (saved !== undefined) process.env.KAOHE_PUBLIC_URL = saved;
    }
  });
});

describe("the production manifest (dist/manifest.xml, built by npm run build:test)", () => {
  it("points every URL under one public URL, none at localhost, with no path in an AppDomain", () => {
    expect(existsSync("dist/manifest.xml"), "dist/manifest.xml is missing: run `npm run build:test` first").toBe(true);
    const built = readFileSync("dist/manifest.xml", "utf8");
    expect(XMLValidator.validate(built)).toBe(true);
    expect(built).not.toMatch(/localhost/);
    const urls = [...built.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    const base = urls.find((u) => u.endsWith("/taskpane.html"))!.replace(/taskpane\.html$/, "");
    for (const u of urls) expect(u.startsWith(base), u).toBe(true);
    for (const m of built.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)) expect(m[1]).toBe(new URL(m[1]).origin);
  });
});
