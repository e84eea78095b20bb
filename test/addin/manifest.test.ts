import { existsSync, readFileSync } from "node:fs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";

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

describe("the production manifest (dist/manifest.xml, built by npm run build)", () => {
  it("points every URL at the production host and none at localhost", () => {
    expect(existsSync("dist/manifest.xml"), "run `npm run build` first").toBe(true);
    const built = readFileSync("dist/manifest.xml", "utf8");
    expect(XMLValidator.validate(built)).toBe(true);
    expect(built).not.toMatch(/localhost/);
    const urls = [...built.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    const hosts = new Set(urls.map((u) => new URL(u).host));
    expect(hosts.size).toBe(1);
  });
});
