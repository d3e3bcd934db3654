/**
 * The VAPID key pair (RFC 8292) web push is signed with: from the environment when both keys are
 * given, otherwise generated once and kept in the database (sealed with the data cipher), so
 * every instance signs alike.
 */
import webPush from 'web-push';
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/client.js';
import type { FieldCipher } from '../../shared/crypto/field-cipher.js';
import * as repo from './notifications.repository.js';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

export async function loadVapidKeys(db: Database, cipher: FieldCipher, config: Pick<Config, 'VAPID_PUBLIC_KEY' | 'VAPID_PRIVATE_KEY'>): Promise<VapidKeys> {
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY) return { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY };
  const raw = await repo.vapidKeysSecret(db, cipher, () => JSON.stringify(webPush.generateVAPIDKeys()));
  const keys = JSON.parse(raw) as VapidKeys;
  return { publicKey: keys.publicKey, privateKey: keys.privateKey };
}
