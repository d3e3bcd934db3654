/** GraphQL types of passkeys (beyond the contract). */
import 'reflect-metadata';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar, JSONScalar } from '../../shared/graphql/scalars.js';

@ObjectType({ description: 'A WebAuthn ceremony in progress: pass `options` to navigator.credentials.create() or .get() (e.g. through @simplewebauthn/browser), then send the answer with the challenge id.' })
export class PasskeyChallenge {
  @Field(() => ID, { description: 'Single use; give it back with the answer.' })
  challengeId!: string;
  @Field(() => JSONScalar, { description: 'PublicKeyCredentialCreationOptionsJSON (registration) or PublicKeyCredentialRequestOptionsJSON (login).' })
  options!: Record<string, unknown>;
  @Field(() => DateTimeScalar, { description: 'When the challenge stops being accepted.' })
  expiresAt!: Date;
}

@ObjectType({ description: "A passkey of the caller's: a key kept on a device (or synced between devices) and unlocked by its fingerprint, face or PIN." })
export class Passkey {
  @Field(() => ID, { description: 'The passkey\'s id (for `removePasskey`).' })
  id!: string;
  @Field({ description: 'Given by the owner when adding it, e.g. "Телефон".' })
  name!: string;
  @Field({ description: 'singleDevice, or multiDevice when the key is synced between devices.' })
  deviceType!: string;
  @Field({ description: 'The key is backed up by its provider (synced passkey).' })
  backedUp!: boolean;
  @Field(() => [String], { description: 'How the browser can reach the authenticator: internal, hybrid, usb, nfc, ble.' })
  transports!: string[];
  @Field(() => DateTimeScalar, { description: 'When it was registered.' })
  createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it was last used to log in.', nullable: true })
  lastUsedAt!: Date | null;
}
