#!/usr/bin/env node
// Entry point of the `kith` command (package.json "bin").
import { createRequire } from 'node:module';
import { runCli } from './program.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

runCli(process.argv.slice(2), { version }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `kith: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 70;
  },
);
