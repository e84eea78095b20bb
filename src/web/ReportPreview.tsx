// A preview of what a run writes: a report sheet (title, table, notes and its charts) or a sheet's result columns, the first rows of each.
import { Body1, Caption1 } from "@fluentui/react-components";
import type { Locale } from "../core/messages";
import { shownText, type Plan, type PlanCell } from "../workbook/plan";
import { ChartPreview } from "./ChartPreview";
import { usePreviewStyles } from "./table-style";
import type { WebStrings } from "./strings";

/** Rows a preview shows; the result workbook holds them all. */
export const PREVIEW_ROWS = 30;

export interface ReportPreviewProps {
  plan: Plan;
  sheet: string;
  w: WebStrings;
  locale: Locale;
}

const cellText = (v: PlanCell | undefined) => (v === undefined ? "" : shownText(v));

export function ReportPreview({ plan, sheet, w }: ReportPreviewProps) {
  const styles = usePreviewStyles();
  const report = plan.reports.find((r) => r.name === sheet);
  const block = plan.results.find((b) => b.sheet === sheet);
  if (!report && !block) return null;
  const columns = report ? report.columns.map((c, i) => ({ header: c.header, i, hidden: c.hidden })) : block!.columns.map((c, i) => ({ header: c.header, i, hidden: false }));
  const visible = columns.filter((c) => !c.hidden);
  const rows: { key: string; label?: string; cells: PlanCell[]; strong?: boolean; warn?: boolean }[] = report
    ? report.rows.map((cells, i) => ({ key: String(i), cells, strong: report.strongRows?.includes(i), warn: report.warnRows?.includes(i) }))
    : block!.rows.map((r) => ({ key: String(r.row), label: String(r.row), cells: r.cells }));
  const more = rows.length - PREVIEW_ROWS;
  return (
    <section aria-label={w.reportPreview(sheet)}>
      <Caption1 className={styles.caption}>{w.reportPreview(sheet)}</Caption1>
      {report && <Body1 className={styles.strong}>{report.title}</Body1>}
      {report?.subtitle && <Caption1 className={styles.note}> {report.subtitle}</Caption1>}
      <div className={styles.box}>
        <table className={styles.table}>
          <thead>
            <tr>
              {block && !report && <th className={`${styles.cell} ${styles.head}`} />}
              {visible.map((c) => (
                <th key={c.i} className={`${styles.cell} ${styles.head}`} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, PREVIEW_ROWS).map((r) => (
              <tr key={r.key} className={r.strong ? styles.strong : r.warn ? styles.warn : undefined}>
                {r.label !== undefined && (
                  <th className={`${styles.cell} ${styles.head}`} scope="row">
                    {r.label}
                  </th>
                )}
                {visible.map((c) => (
                  <td key={c.i} className={styles.cell}>
                    {cellText(r.cells[c.i])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 && <Caption1 className={styles.note}>{w.previewMore(more)}</Caption1>}
      {report?.notes?.map((n, i) => (
        <Caption1 key={i} as="p" className={styles.note}>
          {n}
        </Caption1>
      ))}
      {report?.charts?.map((c, i) => <ChartPreview key={i} report={report} chart={c} />)}
    </section>
  );
}
