// The typed error every rule raises: an Excel error code plus a catalogue message, never a bare string.
import { formatMessage, type Locale, type MessageKey, type MessageParams } from "./messages";

/** The Excel errors a rule can produce, spelled as Excel shows them. */
export type ErrorCode = "#VALUE!" | "#N/A" | "#NUM!" | "#DIV/0!";

export class RuleError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(formatMessage("en-US", key, params));
    this.name = "RuleError";
  }

  /** The message in the user's language. */
  describe(locale: Locale): string {
    return formatMessage(locale, this.key, this.params);
  }
}

export const valueError = (key: MessageKey, params?: MessageParams) => new RuleError("#VALUE!", key, params);
export const naError = (key: MessageKey, params?: MessageParams) => new RuleError("#N/A", key, params);
export const numError = (key: MessageKey, params?: MessageParams) => new RuleError("#NUM!", key, params);
