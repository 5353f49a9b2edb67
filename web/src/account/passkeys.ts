// The browser's half of a passkey ceremony: the server's options to the authenticator
// (navigator.credentials, through @simplewebauthn/browser) and its answer back to the server.
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser';
import { api } from '../api';

export const passkeysSupported = (): boolean => browserSupportsWebAuthn();

/** Adds a passkey to the signed-in account. */
export async function addPasskey(name: string) {
  const { challengeId, options } = await api.beginPasskey();
  const credential = await startRegistration({ optionsJSON: options as never });
  return api.addPasskey({ challengeId, name, credential });
}

/** Signs in with a passkey this device or a phone holds. */
export async function signInWithPasskey() {
  const { challengeId, options } = await api.beginPasskeySignIn();
  const credential = await startAuthentication({ optionsJSON: options as never });
  return api.passkeySignIn({ challengeId, credential });
}

/** What to tell a person whose passkey attempt did not go through, in words. */
export function passkeyTrouble(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError')
    return 'The passkey request was cancelled or timed out. Try again when you are ready.';
  if (name === 'InvalidStateError') return 'This device already holds a passkey for your account.';
  return error instanceof Error ? error.message : 'The passkey did not work.';
}
