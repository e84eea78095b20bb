// The progress of a long operation: what is being done, how far along, and a Cancel button where it can be stopped.
import { Button, Field, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Progress } from "../../excel/ops";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
});

export interface ProgressPanelProps {
  progress: Progress | undefined;
  s: Strings;
  /** Shown while the operation runs; omitted where it cannot be stopped. */
  onCancel?: () => void;
}

export function ProgressPanel({ progress, s, onCancel }: ProgressPanelProps) {
  const styles = useStyles();
  const known = progress && progress.total > 0 && progress.done > 0;
  const label = progress ? progress.stage + (known ? `  ${s.progressOf(progress.done, progress.total)}` : "") : s.busy;
  return (
    <div className={styles.root}>
      <Field className={styles.field} validationMessage={label} validationState="none">
        {/* Without a known total the bar moves without a value, so it never seems stuck at zero. */}
        <ProgressBar value={known ? progress.done / progress.total : undefined} max={1} aria-label={label} />
      </Field>
      {onCancel && (
        <Button size="small" onClick={onCancel}>
          {s.cancel}
        </Button>
      )}
    </div>
  );
}
