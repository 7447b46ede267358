/** Password hashing (argon2id via @node-rs/argon2). Tests may swap in a faster hasher. */
import { hash, verify } from '@node-rs/argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hashed: string, password: string): Promise<boolean>;
}

// Algorithm 2 = argon2id; OWASP's second recommended setting (19 MiB, 2 passes).
export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }),
  verify: async (hashed, password) => {
    try {
      return await verify(hashed, password);
    } catch {
      return false;
    }
  },
};
