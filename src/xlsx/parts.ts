// Where a workbook's parts are: a sheet's part from the workbook's relationships, and paths inside the zip resolved as OPC does (no Node path module).

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** An attribute's text with XML's escapes undone; a character reference past Unicode is dropped. */
export const unescapeXml = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    if (e[0] !== "#") return XML_ENTITIES[e];
    const n = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n <= 0x10ffff ? String.fromCodePoint(n) : "";
  });

/** One pattern per attribute name, made once: attr runs for every row and cell a writer patches. */
const attrPatterns = new Map<string, RegExp>();

/** An attribute of one tag's text, unescaped, or undefined. */
export function attr(tag: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(`\\s${name}="([^"]*)"`)));
  const m = re.exec(tag);
  if (!m) return undefined;
  // Most values hold no escape: the replace is skipped for them (a sheet's every row asks for its r).
  return m[1].includes("&") ? unescapeXml(m[1]) : m[1];
}

/** The folder of a part: xl/worksheets/sheet1.xml → xl/worksheets. */
export const dirOf = (part: string): string => part.slice(0, Math.max(0, part.lastIndexOf("/")));

/** A path with "." and ".." segments resolved, without a leading "/". */
export function normalizePart(path: string): string {
  const out: string[] = [];
  for (const p of path.split("/")) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

/** The part a relationship's target names, relative to the part that holds the relationship (or from the root when it starts with "/"). */
export const resolvePart = (from: string, target: string): string => (target.startsWith("/") ? normalizePart(target) : normalizePart(`${dirOf(from)}/${target}`));

/** The rels part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export const relsOf = (part: string): string => `${dirOf(part)}/_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;

/** The path of a sheet's part inside the zip, from the workbook's relationships. */
export function sheetPart(workbookXml: string, relsXml: string, sheetName: string): string | undefined {
  const sheet = [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => attr(t, "name") === sheetName);
  const id = sheet && /\s(?:\w+:)?id="([^"]*)"/.exec(sheet)?.[1];
  if (!id) return undefined;
  const rel = [...relsXml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((t) => attr(t, "Id") === id);
  const target = rel && attr(rel, "Target");
  if (!target) return undefined;
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}
