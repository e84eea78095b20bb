// The problems of a check, each with its place; one that names a cell is a button that selects the cell in Excel.
import { Caption1, createFocusOutlineStyle, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Locale } from "../../core/messages";
import { problemPlace, type Problem } from "../../workbook/sheet";
import { PROBLEM_LIST_LIMIT } from "../model/outcome";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  entry: {
    display: "block",
    width: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
  },
  button: {
    // The focus outline is drawn by a pseudo-element placed against this box.
    position: "relative",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  focus: createFocusOutlineStyle(),
  place: { display: "block", color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  more: { color: tokens.colorNeutralForeground2 },
});

export interface ProblemListProps {
  problems: readonly Problem[];
  locale: Locale;
  s: Strings;
  onSelect: (p: Problem) => void;
}

export function ProblemList({ problems, locale, s, onSelect }: ProblemListProps) {
  const styles = useStyles();
  const shown = problems.slice(0, PROBLEM_LIST_LIMIT);
  return (
    <>
      <ul className={styles.list} aria-label={s.problemListLabel}>
        {shown.map((p, i) => {
          const place = problemPlace(p, locale);
          const message = locale === "zh-CN" ? p.zh : p.en;
          const content = (
            <>
              <span className={styles.place}>{place}</span>
              {message}
            </>
          );
          return (
            <li key={i}>
              {p.sheet !== "" ? (
                // A native button: Enter and Space work, and it sits in the tab order.
                <button type="button" className={mergeClasses(styles.entry, styles.button, styles.focus)} title={s.problemAria(place)} onClick={() => onSelect(p)}>
                  {content}
                </button>
              ) : (
                <div className={styles.entry}>{content}</div>
              )}
            </li>
          );
        })}
      </ul>
      {problems.length > shown.length && <Caption1 className={styles.more}>{s.problemsMore(problems.length - shown.length)}</Caption1>}
    </>
  );
}
