import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@tripartite/persistence';

export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A unique, obviously-test name: `test_<label>_<random>`. */
export function uniqueTestName(label: string): string {
  const clean = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 30);
  return `test_${clean}_${randomBytes(4).toString('hex')}`;
}

/**
 * Gives one test file its own empty database, and drops it afterwards.
 * Refuses any name that does not say "test", so a misconfigured run cannot touch a real database.
 */
export async function createTestDatabase(
  label: string,
): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = uniqueTestName(label);
  if (!name.startsWith('test_')) throw new Error(`Refusing to use database "${name}" for tests`);
  await ensureDatabase(TEST_SERVER_URL, name);
  return { name, drop: () => dropDatabase(TEST_SERVER_URL, name) };
}
