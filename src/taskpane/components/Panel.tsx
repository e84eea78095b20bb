// A framed group of the pane (a workbook's overview, a template, a run's summary): Fluent's look, without Fluent's Card and its focus machinery, which the pane never uses and the add-in's script budget pays for.
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  small: { rowGap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalS },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  footer: { display: "flex", columnGap: tokens.spacingHorizontalS },
});

export function Panel({ size, children }: { size?: "small"; children: ReactNode }) {
  const styles = useStyles();
  return <div className={size === "small" ? `${styles.panel} ${styles.small}` : styles.panel}>{children}</div>;
}

export function PanelHeader({ header, description }: { header: ReactNode; description?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.header}>
      {header}
      {description}
    </div>
  );
}

export function PanelFooter({ children }: { children: ReactNode }) {
  return <div className={useStyles().footer}>{children}</div>;
}
