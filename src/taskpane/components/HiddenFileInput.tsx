// A file input the user never sees, opened by a button beside it: it hands over the file chosen and then forgets it, so the same file can be chosen again after it is fixed.
import { makeStyles } from "@fluentui/react-components";
import { forwardRef } from "react";

/** The .xlsx workbooks a reader here takes (an .xlsm is the same file with macros). */
export const XLSX_ACCEPT = ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({ hidden: { display: "none" } });

export interface HiddenFileInputProps {
  /** The types the file dialog offers, as the input's accept attribute. */
  accept: string;
  /** Its name for a screen reader. */
  label: string;
  /** Out of the tab order: the button that opens it is the control (the web page's open screen keeps it in). */
  untabbable?: boolean;
  onFile: (file: File) => Promise<unknown> | void;
}

export const HiddenFileInput = forwardRef<HTMLInputElement, HiddenFileInputProps>(function HiddenFileInput({ accept, label, untabbable, onFile }, ref) {
  const styles = useStyles();
  return (
    <input
      ref={ref}
      className={styles.hidden}
      type="file"
      accept={accept}
      aria-label={label}
      tabIndex={untabbable ? -1 : undefined}
      onChange={(e) => {
        const input = e.currentTarget;
        const file = input.files?.[0];
        if (!file) return;
        // Cleared once handled, so choosing the same file again (after fixing it in Excel or WPS) reads it again.
        void Promise.resolve(onFile(file)).finally(() => (input.value = ""));
      }}
    />
  );
});
