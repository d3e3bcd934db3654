/**
 * POST /webhooks/sms-status: delivery receipts from the SMS gateway, authenticated with the shared
 * secret SMS_WEBHOOK_SECRET (`Authorization: Bearer <secret>`, compared in constant time).
 * Body: `{ reference, status: "DELIVERED" | "FAILED", error? }` where reference is the id we sent
 * (the delivery id) or the gateway's own message id. Moves a SENT delivery to DELIVERED or
 * FAILED; a receipt for anything else is acknowledged and ignored (gateways resend receipts).
 * The module returns this router in its `routers`, built with the delivery service.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../../config/env.js';
import { bearer } from '../../shared/auth/bearer.js';
import { sendRestError } from '../../shared/http-errors.js';
import type { DeliveryService } from './delivery.service.js';

const receipt = z.object({
  reference: z.string().min(1).max(200),
  status: z.enum(['DELIVERED', 'FAILED']),
  error: z.string().max(500).nullish(),
});

const digest = (s: string) => createHash('sha256').update(s).digest();

export function smsWebhookRouter(deps: { config: Pick<Config, 'SMS_WEBHOOK_SECRET'>; delivery: Pick<DeliveryService, 'receipt'> }): Router {
  const router = Router();
  router.post('/webhooks/sms-status', express.json({ limit: '16kb' }), async (req: Request, res: Response) => {
    const secret = deps.config.SMS_WEBHOOK_SECRET;
    if (!secret) {
      sendRestError(res, 404, 'NOT_FOUND', 'Receipts are off (no SMS_WEBHOOK_SECRET)');
      return;
    }
    const given = bearer(req.header('authorization')) ?? '';
    if (!timingSafeEqual(digest(given), digest(secret))) {
      sendRestError(res, 401, 'UNAUTHENTICATED', 'Wrong or missing shared secret');
      return;
    }
    const parsed = receipt.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      sendRestError(res, 400, 'BAD_USER_INPUT', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), { field: issue?.path.join('.') || 'body' });
      return;
    }
    const updated = await deps.delivery.receipt(parsed.data);
    res.status(200).json({ updated });
  });
  return router;
}
