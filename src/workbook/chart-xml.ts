// The plan's charts as DrawingML parts (chart and drawing XML), from plain data, for a host that writes the .xlsx package itself.
import type { SheetLayout } from "./layout";
import { shownText, type ChartKind, type ReportSheet } from "./plan";
import { columnLetter } from "./sheet";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};

/** One series: its name and values, each with the cell formula it reads and the cached copy viewers that do not recalculate show. */
export interface ChartSeriesData {
  name: string;
  nameRef: string;
  valuesRef: string;
  /** null: a cell that holds no number, left out of the cache as Excel leaves it. */
  values: (number | null)[];
}

export interface ChartData {
  kind: ChartKind;
  title: string;
  categoriesRef: string;
  categories: string[];
  series: ChartSeriesData[];
  /** 0-based cells of the anchor: the chart's top-left corner, and the cell just past its bottom-right corner. */
  from: { col: number; row: number };
  to: { col: number; row: number };
}

export const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A sheet name as a formula writes it: always quoted, quotes doubled, so names with spaces or CJK need no special case. */
const sheetPrefix = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'!`;
const absolute = (col: number, row: number): string => `$${columnLetter(col)}$${row}`;

/** The charts of one report sheet as the layout places them, each with the cells it reads and their values now. */
export function chartData(report: ReportSheet, layout: SheetLayout): ChartData[] {
  const prefix = sheetPrefix(report.name);
  return (report.charts ?? []).map((spec, i) => {
    const place = layout.charts[i];
    const top = layout.firstDataRow + spec.firstRow;
    const bottom = layout.firstDataRow + spec.lastRow;
    const rows = report.rows.slice(spec.firstRow, spec.lastRow + 1);
    const range = (col: number) => `${prefix}${absolute(col + 1, top)}:${absolute(col + 1, bottom)}`;
    return {
      kind: spec.kind,
      title: spec.title,
      categoriesRef: range(spec.categoryCol),
      categories: rows.map((r) => shownText(r[spec.categoryCol] ?? null)),
      series: place.seriesCols.map((col) => ({
        name: report.columns[col].header,
        nameRef: `${prefix}${absolute(col + 1, layout.headerRow)}`,
        valuesRef: range(col),
        values: rows.map((r) => {
          const v = r[col];
          const n = v !== null && typeof v === "object" ? v.result : v;
          return typeof n === "number" && Number.isFinite(n) ? n : null;
        }),
      })),
      from: { col: 0, row: place.top - 1 },
      to: { col: place.right, row: place.bottom },
    };
  });
}

const strCache = (values: string[]): string =>
  `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(v)}</c:v></c:pt>`).join("")}</c:strCache>`;

const numCache = (values: (number | null)[]): string =>
  `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join("")}</c:numCache>`;

/** Chinese text runs: the East Asian language set, so a viewer picks a CJK font. */
const richText = (text: string, size: number, bold: boolean): string =>
  `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="zh-CN" altLang="en-US" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich>`;

const textProps = (size: number): string =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"><a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/></a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;

function seriesXml(s: ChartSeriesData, i: number, data: ChartData): string {
  // CT_BarSer and CT_PieSer: idx, order, tx, (spPr, invertIfNegative for bars), cat, val, in that order.
  const invert = data.kind === "pie" ? "" : `<c:invertIfNegative val="0"/>`;
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:strRef><c:f>${escapeXml(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>` +
    invert +
    `<c:cat><c:strRef><c:f>${escapeXml(data.categoriesRef)}</c:f>${strCache(data.categories)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeXml(s.valuesRef)}</c:f>${numCache(s.values)}</c:numRef></c:val>` +
    `</c:ser>`
  );
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

function plotXml(data: ChartData): string {
  const series = data.series.map((s, i) => seriesXml(s, i, data)).join("");
  if (data.kind === "pie") return `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`;
  // "bar" lies horizontally: categories down the left, values along the bottom.
  const horizontal = data.kind === "bar";
  return (
    `<c:barChart><c:barDir val="${horizontal ? "bar" : "col"}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="150"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>` +
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${horizontal ? "maxMin" : "minMax"}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${textProps(900)}<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${textProps(900)}<c:crossAx val="${CAT_AX}"/><c:crosses val="${horizontal ? "max" : "autoZero"}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/** xl/charts/chartN.xml: CT_ChartSpace with the title, the plot area and a legend. */
export function chartPartXml(data: ChartData): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title><c:tx>${richText(data.title, 1400, true)}</c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plotXml(data)}</c:plotArea>` +
    `<c:legend><c:legendPos val="${data.kind === "pie" ? "r" : "b"}"/><c:overlay val="0"/>${textProps(900)}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `</c:chartSpace>`
  );
}

/** xl/drawings/drawingN.xml: one two-cell anchor per chart, each a graphic frame pointing at its chart by relationship id. */
export function drawingPartXml(anchors: { data: ChartData; relId: string }[]): string {
  const frames = anchors.map(({ data, relId }, i) => {
    const marker = (tag: string, p: { col: number; row: number }) =>
      `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor>${marker("from", data.from)}${marker("to", data.to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(`图表 ${i + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${frames.join("")}</xdr:wsDr>`;
}
