// The task pane's top component: header, the steps as tabs, and the screen of the chosen step.
import { Caption1, FluentProvider, Title2, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { Locale } from "../core/messages";
import { ScreenPanel, ScreenTabs } from "./components/ScreenTabs";
import type { HostOps } from "../excel/ops";
import { CheckScreen } from "./screens/CheckScreen";
import { ComputeScreen } from "./screens/ComputeScreen";
import { FreezeScreen } from "./screens/FreezeScreen";
import { ReportsScreen } from "./screens/ReportsScreen";
import { SchemeScreen } from "./screens/SchemeScreen";
import { StartScreen } from "./screens/StartScreen";
import { TemplatesScreen } from "./screens/TemplatesScreen";
import type { Strings } from "./strings";
import { screenIds, useAssessment, type ScreenId } from "./useAssessment";

export interface AppProps {
  locale: Locale;
  /** The Office host the pane runs in, or null in a plain browser. */
  host: string | null;
  /** What the pane may do to the workbook; in a plain browser every operation says it cannot. */
  ops: HostOps;
  /** The words in `locale`, loaded by the caller (English is fetched only when needed). */
  s: Strings;
}

const useStyles = makeStyles({
  root: { minHeight: "100vh", boxSizing: "border-box", display: "flex", flexDirection: "column", backgroundColor: tokens.colorNeutralBackground1 },
  top: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  logo: { width: "28px", height: "28px" },
  heading: { display: "block", margin: 0, lineHeight: tokens.lineHeightBase500, fontSize: tokens.fontSizeBase500 },
  subtitle: { display: "block", margin: 0, color: tokens.colorNeutralForeground2 },
  // Seven steps do not fit one line of a 320 px pane: the tabs wrap rather than scroll out of sight.
  tabs: { flexWrap: "wrap", marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  panel: { padding: tokens.spacingHorizontalM, outlineStyle: "none", minWidth: 0 },
});

export function App({ locale, host, ops, s }: AppProps) {
  const styles = useStyles();
  const inExcel = host !== null;
  const a = useAssessment(ops, s, locale);
  const [tab, setTab] = useState<ScreenId>("start");
  const panel = useRef<HTMLDivElement>(null);
  const { refreshOverview, loadScheme } = a;

  useEffect(() => {
    // One after the other: the pane runs one workbook operation at a time.
    if (inExcel) void refreshOverview().then(loadScheme);
  }, [inExcel, refreshOverview, loadScheme]);

  /** A step opened from a link or a notice: the keyboard follows to the new screen. */
  const navigate = (screen: ScreenId) => {
    setTab(screen);
    requestAnimationFrame(() => panel.current?.focus());
  };

  const props = { a, s, locale, onNavigate: navigate };
  const screen: Record<ScreenId, () => JSX.Element> = {
    start: () => <StartScreen {...props} inExcel={inExcel} />,
    templates: () => <TemplatesScreen {...props} />,
    scheme: () => <SchemeScreen {...props} />,
    check: () => <CheckScreen {...props} />,
    compute: () => <ComputeScreen {...props} />,
    reports: () => <ReportsScreen {...props} />,
    freeze: () => <FreezeScreen {...props} />,
  };

  return (
    <FluentProvider theme={webLightTheme} lang={locale}>
      <main className={styles.root} aria-label={s.appTitle}>
        <div className={styles.top}>
          <header className={styles.header}>
            <img className={styles.logo} src="assets/icon-64.png" alt="" />
            <div>
              <Title2 as="h1" className={styles.heading}>
                {s.appTitle}
              </Title2>
              <Caption1 as="p" className={styles.subtitle}>
                {s.appSubtitle}
              </Caption1>
            </div>
          </header>
          <ScreenTabs ids={screenIds} tab={tab} onTab={setTab} s={s} className={styles.tabs} />
        </div>
        <ScreenPanel ref={panel} tab={tab} s={s} className={styles.panel}>
          {screen[tab]()}
        </ScreenPanel>
      </main>
    </FluentProvider>
  );
}
