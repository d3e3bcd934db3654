/**
 * What a message template is: its category, whether it skips quiet hours or carries a secret, and
 * its text per channel. The templates themselves live beside this file, one file per subject area;
 * ../templates.ts gathers them and renders them.
 */
export type NotificationCategory = 'APPLICATION_STATUS' | 'BOOKING' | 'DOCUMENT_EXPIRY' | 'LOAD_ALERT' | 'SECURITY' | 'CHAT' | 'SYSTEM';

export interface Template<V> {
  category: NotificationCategory;
  /** Skips quiet hours and goes out at once. */
  urgent: boolean;
  /** Carries a secret (a code): kept out of the in-app feed. */
  secret: boolean;
  title: (v: V) => string;
  sms: (v: V) => string;
  email: { subject: (v: V) => string; text: (v: V) => string };
  /** Web push; defaults to the title and the SMS text. */
  push?: { title: (v: V) => string; body: (v: V) => string };
  /** The in-app feed's body; defaults to the SMS text. */
  inApp?: (v: V) => string;
}

/** The footer of every e-mail. */
export const SIGNATURE = '\n\n—\nЛичный кабинет МФЦ. Это письмо отправлено автоматически, отвечать на него не нужно.';

