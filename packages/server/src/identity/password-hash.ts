import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords are kept as argon2id hashes (the @node-rs/argon2 default algorithm; OWASP's
 * parameters: 19 MiB, 2 passes, 1 lane).
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Compared with when the user does not exist, so that a wrong name takes as long as a wrong password. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('operon-decoy-password');
  return decoy;
}
