// One screen of the pane: its heading, a line saying what it does, and its content, as a labelled section.
import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { display: "block", margin: 0 },
  intro: { display: "block", margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface ScreenProps {
  id: string;
  heading: string;
  intro?: ReactNode;
  children?: ReactNode;
}

export function Screen({ id, heading, intro, children }: ScreenProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby={`${id}-heading`}>
      <Subtitle2 as="h2" id={`${id}-heading`} className={styles.heading}>
        {heading}
      </Subtitle2>
      {intro && (
        <Body1 as="p" className={styles.intro}>
          {intro}
        </Body1>
      )}
      {children}
    </section>
  );
}
