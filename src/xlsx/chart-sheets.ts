// Which sheets of an .xlsx hold charts, read from the package's relationships: so a result's own report charts, which the next run draws again, are not reported as lost.
import JSZip from "jszip";
import { relsOf, resolvePart as resolve, sheetPart, unescapeXml } from "./parts";
import { zipDirectory } from "./zip-directory";
import { partText } from "./zip-guard";

const relTargets = (rels: string, type: string): string[] =>
  [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).filter((t) => t.includes(`/relationships/${type}"`)).map((t) => /\bTarget="([^"]*)"/.exec(t)?.[1] ?? "");

/**
 * The names of the sheets that show a chart, or undefined when the package cannot be read so (the
 * caller then says charts are not kept, as before). Chart sheets (xl/chartsheets) count as "any".
 * The parts are inflated: Excel deflates every part, so reading their stored bytes found no sheet at all.
 */
export async function sheetsWithCharts(buf: Uint8Array): Promise<string[] | undefined> {
  const entries = zipDirectory(buf);
  if (!entries) return undefined;
  if (entries.some((e) => e.name.startsWith("xl/chartsheets/"))) return undefined;
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    return undefined;
  }
  const text = (name: string) => partText(zip, name);
  const workbook = await text("xl/workbook.xml");
  const rels = await text("xl/_rels/workbook.xml.rels");
  if (workbook === undefined || rels === undefined) return undefined;
  const names = [...workbook.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
  const out: string[] = [];
  for (const name of names) {
    const part = sheetPart(workbook, rels, name);
    const sheetRels = part && (await text(relsOf(part)));
    if (!part || !sheetRels) continue;
    for (const t of relTargets(sheetRels, "drawing")) {
      const drawingRels = await text(relsOf(resolve(part, t)));
      if (drawingRels !== undefined && relTargets(drawingRels, "chart").length > 0) {
        out.push(unescapeXml(name));
        break;
      }
    }
  }
  return out;
}
