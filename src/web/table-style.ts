// The look of the page's previews: a small bordered table that scrolls sideways within the screen.
import { makeStyles, tokens } from "@fluentui/react-components";

export const usePreviewStyles = makeStyles({
  box: { overflowX: "auto", maxWidth: "100%", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  cell: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, whiteSpace: "nowrap", textAlign: "left" },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  mark: { backgroundColor: tokens.colorPaletteYellowBackground2, outline: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteRedBorder2}` },
  strong: { fontWeight: tokens.fontWeightSemibold },
  warn: { color: tokens.colorPaletteRedForeground1 },
  caption: { display: "block", margin: `${tokens.spacingVerticalS} 0`, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground3 },
});
