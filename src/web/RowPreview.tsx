// The row a problem is in, beside its table's header, with the problem's cell marked: what Excel would show by selecting it.
import { Caption1 } from "@fluentui/react-components";
import { columnLetter, type CellValue, type WorkbookData } from "../workbook/sheet";
import { usePreviewStyles } from "./table-style";
import type { WebStrings } from "./strings";

export interface RowPreviewProps {
  workbook: WorkbookData;
  sheet: string;
  /** 1-based, as problems give them; col 0 when the problem is about the whole row. */
  row: number;
  col: number;
  /** 0-based header row of the table, when the problem is in the table's sheet. */
  headerRow?: number;
  w: WebStrings;
}

// The value as the file holds it: a preview of the input must not round what the check complains about.
const shown = (v: CellValue | undefined) => (v === null || v === undefined ? "" : String(v));

export function RowPreview({ workbook, sheet, row, col, headerRow, w }: RowPreviewProps) {
  const styles = usePreviewStyles();
  const data = workbook.sheets.find((s) => s.name === sheet);
  const values = data?.rows[row - 1];
  if (!data || !values) return <Caption1>{w.rowMissing(sheet, row)}</Caption1>;
  const header = headerRow !== undefined && headerRow !== row - 1 ? data.rows[headerRow] ?? [] : [];
  const width = Math.max(values.length, header.length, col);
  const cols = Array.from({ length: width }, (_, i) => i + 1);
  return (
    <section aria-label={w.rowPreview(sheet, row)}>
      <Caption1 className={styles.caption}>{w.rowPreview(sheet, row)}</Caption1>
      <div className={styles.box}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={`${styles.cell} ${styles.head}`} />
              {cols.map((c) => (
                <th key={c} className={`${styles.cell} ${styles.head}`} scope="col">
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {header.length > 0 && (
              <tr>
                <th className={`${styles.cell} ${styles.head}`} scope="row">
                  {w.headerLabel}
                </th>
                {cols.map((c) => (
                  <td key={c} className={`${styles.cell} ${styles.head}`}>
                    {shown(header[c - 1])}
                  </td>
                ))}
              </tr>
            )}
            <tr>
              <th className={`${styles.cell} ${styles.head}`} scope="row">
                {row}
              </th>
              {cols.map((c) => (
                <td key={c} className={`${styles.cell} ${c === col ? styles.mark : ""}`} aria-current={c === col ? "true" : undefined}>
                  {shown(values[c - 1])}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
