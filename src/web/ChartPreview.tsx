// A report's chart drawn as plain bars in the page (categories down, one bar per series), so the preview shows what the chart says.
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ChartSpec, PlanCell, ReportSheet } from "../workbook/plan";
import { usePreviewStyles } from "./table-style";

const number = (v: PlanCell | undefined): number => {
  const x = v !== null && typeof v === "object" ? v.result : v;
  return typeof x === "number" && Number.isFinite(x) ? x : 0;
};
const label = (v: PlanCell | undefined): string => {
  const x = v !== null && typeof v === "object" ? v.result : v;
  return x === null || x === undefined ? "" : String(x);
};

const colours = [
  tokens.colorPaletteBlueBorderActive,
  tokens.colorPaletteDarkOrangeBorderActive,
  tokens.colorPaletteGreenBorder2,
  tokens.colorPaletteBerryBorderActive,
  tokens.colorPaletteTealBorderActive,
  tokens.colorPaletteGoldBorderActive,
];
const BAR = 8;

const useStyles = makeStyles({
  figure: { margin: `${tokens.spacingVerticalS} 0`, display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXS },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, alignItems: "center" },
  chart: { maxWidth: "100%", height: "auto" },
});
const LABEL = 120;
const WIDTH = 480;

export function ChartPreview({ report, chart }: { report: ReportSheet; chart: ChartSpec }) {
  const styles = usePreviewStyles();
  const own = useStyles();
  const rows = report.rows.slice(chart.firstRow, chart.lastRow + 1);
  const max = Math.max(0, ...rows.flatMap((r) => chart.seriesCols.map((c) => number(r[c]))));
  const group = chart.seriesCols.length * BAR + 6;
  const height = rows.length * group + 4;
  const scale = (x: number) => (max > 0 ? (x / max) * (WIDTH - LABEL - 60) : 0);
  return (
    <figure aria-label={chart.title} className={own.figure}>
      <Caption1 className={styles.caption}>{chart.title}</Caption1>
      <div className={own.legend}>
        {chart.seriesCols.map((c, k) => (
          <Caption1 key={c} className={styles.note}>
            <svg width="10" height="10" aria-hidden="true">
              <rect width="10" height="10" fill={colours[k % colours.length]} />
            </svg>{" "}
            {report.columns[c]?.header}
          </Caption1>
        ))}
      </div>
      <svg role="img" aria-label={chart.title} width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} className={own.chart}>
        {rows.map((r, i) => (
          <g key={i} transform={`translate(0 ${i * group + 2})`}>
            <text x={LABEL - 6} y={group / 2} textAnchor="end" dominantBaseline="middle" fontSize="11">
              {label(r[chart.categoryCol])}
            </text>
            {chart.seriesCols.map((c, k) => (
              <g key={c}>
                <rect x={LABEL} y={k * BAR} width={scale(number(r[c]))} height={BAR - 2} fill={colours[k % colours.length]} />
                <text x={LABEL + scale(number(r[c])) + 4} y={k * BAR + BAR / 2} dominantBaseline="middle" fontSize="8">
                  {label(r[c])}
                </text>
              </g>
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}
