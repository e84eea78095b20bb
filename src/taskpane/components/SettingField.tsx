// One setting of the scheme: its label, its default and the source of that default as a hint, and its problems beneath it.
import { Field, makeStyles } from "@fluentui/react-components";
import type { ReactElement } from "react";
import type { Locale } from "../../core/messages";
import type { SchemeProblem } from "../../core/scheme";
import { settingName } from "../../workbook/setting-names";
import { problemText } from "../model/draft";
import type { Strings } from "../strings";

const useStyles = makeStyles({
  line: { display: "block" },
});

/** A problem under a field: the message alone when it is about the field itself, with the entry's name when inside it. */
export function problemUnder(p: SchemeProblem, fieldPath: string, locale: Locale): string {
  if (p.path === fieldPath) return problemText(p, locale);
  return `${locale === "zh-CN" ? settingName(p.path) : p.path}${locale === "zh-CN" ? "：" : ": "}${problemText(p, locale)}`;
}

export interface SettingHintProps {
  defaultText?: string;
  source?: string;
  extra?: string;
  s: Strings;
}

/** Default, source and any extra note, one line each. */
export function SettingHint({ defaultText, source, extra, s }: SettingHintProps) {
  const styles = useStyles();
  return (
    <>
      {extra && <span className={styles.line}>{extra}</span>}
      {defaultText !== undefined && <span className={styles.line}>{s.defaultHint(defaultText)}</span>}
      {source && <span className={styles.line}>{s.sourceHint(source)}</span>}
    </>
  );
}

export interface SettingFieldProps {
  label: string;
  path: string;
  problems: readonly SchemeProblem[];
  locale: Locale;
  s: Strings;
  defaultText?: string;
  source?: string;
  extraHint?: string;
  className?: string;
  children: ReactElement;
}

export function SettingField({ label, path, problems, locale, s, defaultText, source, extraHint, className, children }: SettingFieldProps) {
  const styles = useStyles();
  let message: string | ReactElement | undefined;
  if (problems.length === 1) message = problemUnder(problems[0], path, locale);
  else if (problems.length > 1)
    message = (
      <>
        {problems.map((p, i) => (
          <span key={i} className={styles.line}>
            {problemUnder(p, path, locale)}
          </span>
        ))}
      </>
    );
  return (
    <Field
      className={className}
      label={label}
      hint={defaultText !== undefined || source || extraHint ? <SettingHint defaultText={defaultText} source={source} extra={extraHint} s={s} /> : undefined}
      validationState={problems.length ? "error" : "none"}
      validationMessage={message}
    >
      {children}
    </Field>
  );
}
