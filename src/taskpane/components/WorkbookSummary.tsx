// What a workbook holds, as the start screens show it: its sheets as badges and the scheme kept in it.
import { Badge, Body1, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookOverview } from "../../excel/ops";
import { kindNames } from "../../kinds/registry";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  sheets: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, listStyleType: "none", margin: 0, padding: 0 },
});

export function WorkbookSummary({ overview, s, lang }: { overview: WorkbookOverview; s: Strings; lang: "zh" | "en" }) {
  const styles = useStyles();
  const kind = overview.schemeKind;
  return (
    <>
      <Body1>{overview.sheets.length ? s.sheetsCount(overview.sheets.length) : s.noSheets}</Body1>
      <ul className={styles.sheets}>
        {overview.sheets.map((name) => (
          <li key={name}>
            <Badge appearance="outline" color="informative">
              {name}
            </Badge>
          </li>
        ))}
      </ul>
      <Body1>
        {overview.schemeTitle
          ? s.schemeStored(
              // The default title already names the kind; a county's own title may not.
              overview.schemeTitle + (kind && Object.hasOwn(kindNames, kind) && !overview.schemeTitle.includes(kindNames[kind].zh) ? `（${kindNames[kind][lang]}）` : ""),
            )
          : s.schemeNotStored}
      </Body1>
    </>
  );
}
