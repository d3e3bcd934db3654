/** A way to reach a person. Transient failures are retried with backoff; permanent ones are not. */
export interface OutgoingMessage {
  /** The delivery id: sent to gateways as an idempotency reference. */
  id: string;
  destination: string;
  content: { subject?: string; text: string };
}

export interface Channel {
  send(message: OutgoingMessage): Promise<{ providerRef?: string }>;
  close?(): Promise<void>;
}

/** The message can never be delivered this way (bad address, rejected by the gateway). */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}
