/** Database rows to GraphQL objects of the identity module: what of a passkey is shown. */
import type { PasskeyRow } from './identity.repository.js';
import type { Passkey } from './passkeys.types.js';

export function toPasskey(r: PasskeyRow): Passkey {
  return {
    id: r.id,
    name: r.name,
    deviceType: r.deviceType,
    backedUp: r.backedUp,
    transports: r.transports,
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
  };
}
