/**
 * Who notifications go to, as this module needs to know them: the contacts of an account. The
 * module declares the port itself so it depends on no module that owns users (accounts depends on
 * notifications to send its codes); src/app.ts passes accounts' directory, which fits it as is.
 */
import type { Executor } from '../../db/client.js';

export interface Recipient {
  id: string;
  phone: string | null;
  email: string | null;
  /** E-mail goes only to a verified address. */
  emailVerified: boolean;
}

export interface NotificationRecipients {
  /** The account, read with `tx` when given (inside the caller's transaction). */
  userById(id: string, tx?: Executor): Promise<Recipient | undefined>;
}
