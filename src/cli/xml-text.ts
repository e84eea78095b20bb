// Text XML cannot carry, as the .xlsx adapter escapes and finds it.
export { escapeUnwritableText, invisibleCharacters, xstring } from "../xlsx/xml-text";
