// Which sheets of an .xlsx hold charts, read from the package's relationships: so a result's own report charts, which the next run draws again, are not reported as lost.
import { utf8Text } from "./bytes";
import { relsOf, resolvePart as resolve, sheetPart, unescapeXml } from "./parts";
import { entryData, zipDirectory } from "./zip-directory";

const relTargets = (rels: string, type: string): string[] =>
  [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).filter((t) => t.includes(`/relationships/${type}"`)).map((t) => /\bTarget="([^"]*)"/.exec(t)?.[1] ?? "");

/**
 * The names of the sheets that show a chart, or undefined when the package cannot be read so (the
 * caller then says charts are not kept, as before). Chart sheets (xl/chartsheets) count as "any".
 */
export function sheetsWithCharts(buf: Uint8Array): string[] | undefined {
  const entries = zipDirectory(buf);
  if (!entries) return undefined;
  const byName = new Map(entries.map((e) => [e.name, e]));
  const text = (name: string): string | undefined => {
    const e = byName.get(name);
    const data = e && entryData(buf, e);
    return data && utf8Text(data);
  };
  if (entries.some((e) => e.name.startsWith("xl/chartsheets/"))) return undefined;
  const workbook = text("xl/workbook.xml");
  const rels = text("xl/_rels/workbook.xml.rels");
  if (workbook === undefined || rels === undefined) return undefined;
  const names = [...workbook.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
  const out: string[] = [];
  for (const name of names) {
    const part = sheetPart(workbook, rels, name);
    const sheetRels = part && text(relsOf(part));
    if (!part || !sheetRels) continue;
    const charted = relTargets(sheetRels, "drawing").some((t) => {
      const drawing = resolve(part, t);
      const drawingRels = text(relsOf(drawing));
      return drawingRels !== undefined && relTargets(drawingRels, "chart").length > 0;
    });
    if (charted) out.push(unescapeXml(name));
  }
  return out;
}
