// The task pane's top component: header, start screen and the worksheet functions' introduction.
import { Body1, Caption1, Card, CardHeader, FluentProvider, MessageBar, MessageBarBody, Subtitle2, Title2, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import type { Locale } from "../core/messages";
import { strings } from "./strings";

export interface AppProps {
  locale: Locale;
  /** The Office host the pane runs in, or null in a plain browser. */
  host: string | null;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minHeight: "100vh", boxSizing: "border-box" },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  logo: { width: "32px", height: "32px" },
  heading: { display: "block", margin: 0 },
  code: { fontFamily: tokens.fontFamilyMonospace, display: "block", marginTop: tokens.spacingVerticalXS },
});

export function App({ locale, host }: AppProps) {
  const s = strings[locale];
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <main className={styles.root} aria-label={s.appTitle}>
        <header className={styles.header}>
          <img className={styles.logo} src="assets/icon-64.png" alt="" />
          <div>
            <Title2 as="h1" className={styles.heading}>{s.appTitle}</Title2>
            <Caption1 as="p" className={styles.heading}>{s.appSubtitle}</Caption1>
          </div>
        </header>
        <section aria-labelledby="start-heading">
          <Subtitle2 as="h2" id="start-heading" className={styles.heading}>
            {s.startHeading}
          </Subtitle2>
          <MessageBar intent={host ? "success" : "info"}>
            <MessageBarBody>{host ? s.insideExcel : s.outsideExcel}</MessageBarBody>
          </MessageBar>
        </section>
        <Card>
          <CardHeader header={<Subtitle2 as="h2">{s.functionsHeading}</Subtitle2>} />
          <Body1>
            {s.functionsIntro}
            <code className={styles.code}>{s.exampleQuorum}</code>
          </Body1>
        </Card>
        <section aria-labelledby="next-heading">
          <Subtitle2 as="h2" id="next-heading" className={styles.heading}>
            {s.nextHeading}
          </Subtitle2>
          <Body1 as="p">{s.nextSteps}</Body1>
        </section>
      </main>
    </FluentProvider>
  );
}
