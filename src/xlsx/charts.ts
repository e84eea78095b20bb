// Adds the plan's charts to an .xlsx ExcelJS has written (which it cannot itself): chart and drawing parts, their relationships and content types.
import JSZip from "jszip";
import { chartData, chartPartXml, drawingPartXml, escapeXml, type ChartData } from "../workbook/chart-xml";
import type { SheetLayout } from "../workbook/layout";
import type { ReportSheet } from "../workbook/plan";
import { sheetPart } from "./parts";
import { xstring } from "./xml-text";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

/**
 * CT_Worksheet's elements that come after <drawing>: it goes before the first of them that the sheet
 * has (ECMA-376 Part 1, 18.3.1.99), or last.
 */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** Where <drawing/> goes in a sheet's XML. */
export function drawingPosition(sheetXml: string): number {
  const found = AFTER_DRAWING.map((tag) => sheetXml.search(new RegExp(`<${tag}[\\s/>]`))).filter((i) => i >= 0);
  return found.length ? Math.min(...found) : sheetXml.lastIndexOf("</worksheet>");
}

/** Text a user typed (a township's name) may hold characters XML cannot carry: written as the cells write them. */
const writable = (d: ChartData): ChartData => ({
  ...d,
  title: xstring(d.title),
  categories: d.categories.map(xstring),
  series: d.series.map((s) => ({ ...s, name: xstring(s.name) })),
});

/** The first N for which `prefix N suffix` is not yet a part: ExcelJS may have written drawings for the user's pictures. */
function freeNumber(zip: JSZip, prefix: string, suffix: string, from: number): number {
  let n = from;
  while (zip.file(`${prefix}${n}${suffix}`)) n++;
  return n;
}

const relationships = (rels: { id: string; type: string; target: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join("")}</Relationships>`;

/** A sheet's relationships with one more, under an id it does not use yet. */
function addRelationship(relsXml: string | undefined, type: string, target: string): { xml: string; id: string } {
  const xml = relsXml ?? relationships([]);
  const used = new Set([...xml.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${REL}/${type}" Target="${escapeXml(target)}"/>`;
  return { xml: xml.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`), id };
}

/**
 * The workbook's bytes with each report's charts drawn where its layout puts them. A report sheet
 * that already holds a drawing (none that ExcelJS writes for a report does) is left as it is.
 */
export async function addCharts(bytes: Uint8Array, reports: { report: ReportSheet; layout: SheetLayout }[]): Promise<Uint8Array> {
  if (!reports.some((r) => (r.report.charts ?? []).length > 0)) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  return (await addChartsToZip(zip, reports)) ? zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) : bytes;
}

/** The same on a zip being assembled; false when it lacks the workbook's part lists (nothing is changed then). */
export async function addChartsToZip(zip: JSZip, reports: { report: ReportSheet; layout: SheetLayout }[]): Promise<boolean> {
  const withCharts = reports.filter((r) => (r.report.charts ?? []).length > 0);
  if (withCharts.length === 0) return true;
  const read = (path: string) => zip.file(path)?.async("string");
  const workbookXml = await read("xl/workbook.xml");
  const workbookRels = await read("xl/_rels/workbook.xml.rels");
  let types = await read("[Content_Types].xml");
  if (!workbookXml || !workbookRels || !types) return false;
  let drawingN = 1;
  let chartN = 1;
  for (const { report, layout } of withCharts) {
    const sheetPath = sheetPart(workbookXml, workbookRels, report.name);
    const sheetXml = sheetPath && (await read(sheetPath));
    if (!sheetPath || !sheetXml || /<drawing[\s/>]/.test(sheetXml)) continue;
    const charts = chartData(report, layout).map(writable);
    drawingN = freeNumber(zip, "xl/drawings/drawing", ".xml", drawingN);
    const anchors = charts.map((data, i) => {
      chartN = freeNumber(zip, "xl/charts/chart", ".xml", chartN);
      const path = `xl/charts/chart${chartN}.xml`;
      zip.file(path, chartPartXml(data));
      types = types!.replace("</Types>", `<Override PartName="/${path}" ContentType="${CHART_TYPE}"/></Types>`);
      return { data, relId: `rId${i + 1}`, target: `../charts/chart${chartN}.xml` };
    });
    const drawingPath = `xl/drawings/drawing${drawingN}.xml`;
    zip.file(drawingPath, drawingPartXml(anchors));
    zip.file(`xl/drawings/_rels/drawing${drawingN}.xml.rels`, relationships(anchors.map((a) => ({ id: a.relId, type: "chart", target: a.target }))));
    types = types.replace("</Types>", `<Override PartName="/${drawingPath}" ContentType="${DRAWING_TYPE}"/></Types>`);

    const dir = sheetPath.slice(0, sheetPath.lastIndexOf("/"));
    const relsPath = `${dir}/_rels/${sheetPath.slice(dir.length + 1)}.rels`;
    const rel = addRelationship(await read(relsPath), "drawing", `../drawings/drawing${drawingN}.xml`);
    zip.file(relsPath, rel.xml);
    // The sheet's root declares the relationships namespace as r in what ExcelJS writes; said here too in case it does not.
    const rAttr = /<worksheet\b[^>]*\sxmlns:r="/.test(sheetXml) ? "r:id" : `xmlns:r="${REL}" r:id`;
    const at = drawingPosition(sheetXml);
    zip.file(sheetPath, `${sheetXml.slice(0, at)}<drawing ${rAttr}="${rel.id}"/>${sheetXml.slice(at)}`);
  }
  zip.file("[Content_Types].xml", types);
  return true;
}
