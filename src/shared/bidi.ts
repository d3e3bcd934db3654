/**
 * Bidirectional control characters: invisible marks that reorder how the text around them is
 * shown. In a name, a subject, an address or a file name they only serve to deceive
 * (`Счёт\u202Efdp.exe` shows as `Счётexe.pdf`), so those fields are stored without them:
 * the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069, the marks U+200E/U+200F
 * (LRM, RLM) and U+061C (ALM). Free text (chat messages, comments) keeps them: right-to-left
 * writing may need them there, and it is never shown as a name or a file.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** The text without bidirectional control characters. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** stripBidiControls for optional values: null and undefined pass through. */
export function stripBidiOptional<T extends string | null | undefined>(text: T): T {
  return (typeof text === 'string' ? stripBidiControls(text) : text) as T;
}
