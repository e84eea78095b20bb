// A sheet the run wrote, with what it holds and a button that selects it in Excel.
import { Badge, Body1, Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { flexGrow: 1, minWidth: 0, display: "flex", flexDirection: "column", overflowWrap: "anywhere" },
  detail: { color: tokens.colorNeutralForeground3 },
  badge: { flexShrink: 0 },
});

export interface SheetLinkProps {
  name: string;
  detail?: string;
  status?: { text: string; ok: boolean };
  goLabel: string;
  goAria: string;
  onGo?: () => void;
}

export function SheetLink({ name, detail, status, goLabel, goAria, onGo }: SheetLinkProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <div className={styles.text}>
        <Body1>{name}</Body1>
        {detail && <Caption1 className={styles.detail}>{detail}</Caption1>}
      </div>
      {status && (
        <Badge className={styles.badge} appearance="tint" color={status.ok ? "success" : "danger"}>
          {status.text}
        </Badge>
      )}
      {onGo && (
        <Button size="small" aria-label={goAria} onClick={onGo}>
          {goLabel}
        </Button>
      )}
    </div>
  );
}
