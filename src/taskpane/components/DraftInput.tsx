// A text box for one setting that keeps the text as typed ("9", "9.", "90, 8") while the draft holds its parsed value.
import { Input, type InputProps } from "@fluentui/react-components";
import { useEffect, useState } from "react";

export interface DraftInputProps extends Omit<InputProps, "value" | "onChange" | "defaultValue"> {
  value: unknown;
  format: (v: unknown) => string;
  parse: (text: string) => unknown;
  onValue: (v: unknown) => void;
}

export function DraftInput({ value, format, parse, onValue, ...rest }: DraftInputProps) {
  const [text, setText] = useState(() => format(value));
  // A change from outside (a preset, an import) replaces the text; the user's own typing does not.
  useEffect(() => {
    setText((t) => (format(parse(t)) === format(value) ? t : format(value)));
  }, [value, format, parse]);
  return (
    <Input
      {...rest}
      value={text}
      onChange={(_, d) => {
        setText(d.value);
        onValue(parse(d.value));
      }}
    />
  );
}
