#!/usr/bin/env node
// Runs the compiled test files with Node's own test runner: `npm test [-- filter...]`.
// Each file runs in its own process and isolates itself (database, exchange, queues, Redis prefix),
// so files run two at a time on this two-core machine.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = process.env.TEST_DIST ?? join(root, 'dist');
const filters = process.argv.slice(2);

function collect(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...collect(path));
    else if (/\.(spec|int-spec|e2e-spec)\.js$/.test(entry)) found.push(path);
  }
  return found;
}

const files = collect(dist)
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();
if (files.length === 0) {
  console.error(`No test file matches ${filters.join(' ') || '(all)'} under dist/. Did the build run?`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  [
    '--enable-source-maps',
    '--test',
    `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`,
    '--test-timeout=120000',
    '--test-reporter=spec',
    ...files,
  ],
  { stdio: 'inherit', cwd: root },
);
process.exit(result.status ?? 1);
