// A Fluent Select that shrinks to a narrow pane: a native select is otherwise as wide as its longest option.
import { Select, makeStyles, mergeClasses, type SelectProps } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { minWidth: 0, maxWidth: "100%" },
  select: { minWidth: 0, width: "100%", textOverflow: "ellipsis" },
});

export function FitSelect({ className, ...props }: SelectProps) {
  const styles = useStyles();
  return <Select {...props} className={mergeClasses(styles.root, className)} select={{ className: styles.select }} />;
}
