/** The outcome of reading a modeller's text: a value, or a message that says what to write instead. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function notParsed(message: string): { readonly ok: false; readonly message: string } {
  return { ok: false, message };
}

const LONGEST_QUOTE = 60;

/** The modeller's text in quotes for a message, shortened so that a pasted page does not become the message. */
export function quoted(text: string): string {
  return `'${text.length > LONGEST_QUOTE ? `${text.slice(0, LONGEST_QUOTE - 1)}…` : text}'`;
}
