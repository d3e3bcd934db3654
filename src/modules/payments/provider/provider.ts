/**
 * What the payments module needs of a payment provider, in the terms of the YooKassa API v3 (the
 * protocol both implementations speak: the real client and the development sandbox). Amounts are
 * kopecks here; the wire carries decimal strings.
 */
export type PaymentMethodName = 'CARD' | 'SBP';

export interface ProviderPayment {
  id: string;
  /** pending | waiting_for_capture | succeeded | canceled */
  status: string;
  amountKopecks: number;
  confirmationUrl: string | null;
  cancellationReason: string | null;
  /** Our payment id, as sent in metadata. */
  paymentId: string | null;
}

export interface ProviderRefund {
  id: string;
  /** pending | succeeded | canceled */
  status: string;
  paymentId: string;
  amountKopecks: number;
}

export interface CreatePaymentRequest {
  idempotenceKey: string;
  amountKopecks: number;
  method: PaymentMethodName;
  returnUrl: string;
  description: string;
  /** Our payment id, sent back in notifications' objects. */
  paymentId: string;
}

export interface CreateRefundRequest {
  idempotenceKey: string;
  providerPaymentId: string;
  amountKopecks: number;
  description: string;
}

export interface PaymentProvider {
  /** Whether this is the built-in sandbox (development only). */
  readonly sandbox: boolean;
  createPayment(req: CreatePaymentRequest): Promise<ProviderPayment>;
  getPayment(id: string): Promise<ProviderPayment>;
  createRefund(req: CreateRefundRequest): Promise<ProviderRefund>;
  getRefund(id: string): Promise<ProviderRefund>;
}

/** A failed call to the provider. `retryable`: a timeout, a network failure or a 5xx, worth asking again with the same key. */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'ProviderError';
  }
}
