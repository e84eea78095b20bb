// The pane's language from Office's display language.
import type { Locale } from "../core/messages";

/** Chinese unless Office says the user's language is something else. */
export function paneLocale(displayLanguage: string | undefined | null): Locale {
  if (!displayLanguage) return "zh-CN";
  return displayLanguage.toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}
