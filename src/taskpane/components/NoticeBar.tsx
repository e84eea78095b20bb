// A notice after an operation, as a Fluent MessageBar: its text, the lines that detail it, and the screen it offers to open.
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { Strings } from "../strings";
import type { Notice, ScreenId } from "../useAssessment";

const useStyles = makeStyles({
  lines: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  body: { overflowWrap: "anywhere" },
});

export interface NoticeBarProps {
  notice: Notice | undefined;
  s: Strings;
  onAction?: (screen: ScreenId) => void;
}

export function NoticeBar({ notice, s, onAction }: NoticeBarProps) {
  const styles = useStyles();
  if (!notice) return null;
  const labels: Partial<Record<ScreenId, string>> = { check: s.goCheck, scheme: s.goScheme, compute: s.goCompute, templates: s.goTemplates, reports: s.goReports };
  const actionLabel = notice.action ? labels[notice.action] : undefined;
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody className={styles.body}>
        {notice.text}
        {notice.lines && notice.lines.length > 0 && (
          <ul className={styles.lines}>
            {notice.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      {notice.action && actionLabel && onAction && (
        <MessageBarActions>
          <Button size="small" onClick={() => onAction(notice.action as ScreenId)}>
            {actionLabel}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
