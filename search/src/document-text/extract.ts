import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_TEXT_LIMITS } from './limits.js';
import type { ExtractionOutcome } from './outcome.js';

export type ExtractionLimits = { [Limit in keyof typeof DOCUMENT_TEXT_LIMITS]: number };

// Compiled, the child is a .js beside this file; run from sources (tests), tsx loads the .ts.
const here = fileURLToPath(import.meta.url);
const fromSources = here.endsWith('.ts');
const CHILD = path.join(path.dirname(here), `extract-child.${fromSources ? 'ts' : 'js'}`);

/** The extraction was stopped from outside (the CMS shutting down): there is no outcome. */
export class ExtractionStoppedError extends Error {
  constructor() {
    super('document text extraction stopped');
    this.name = 'ExtractionStoppedError';
  }
}

/**
 * Reads a PDF's text in a child process with a heap limit, a lower CPU priority and a time
 * limit: whatever the file does, this resolves with an outcome (never rejects on the file's
 * account) and the calling process's event loop stays free. `signal` stops the child; the
 * promise then rejects with ExtractionStoppedError.
 */
export async function extractPdfText(
  file: string,
  limits: ExtractionLimits = DOCUMENT_TEXT_LIMITS,
  signal?: AbortSignal,
): Promise<ExtractionOutcome> {
  const { size } = await fs.stat(file);
  if (size > limits.maxFileBytes) return { status: 'too-large', detail: `${size} bytes` };
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${limits.heapMegabytes}`,
      ...(fromSources ? ['--import', 'tsx'] : []),
      CHILD,
      file,
      JSON.stringify({ maxPages: limits.maxPages, maxCharacters: limits.maxCharacters }),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], signal },
  );
  try {
    // Publishing and answering editors come first on a small server.
    if (child.pid) os.setPriority(child.pid, 10);
  } catch {
    // Not permitted here: the time limit still holds.
  }
  const stdout: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < 2000) stderr += chunk.toString();
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, limits.timeoutMs);
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolve) => {
      child.on('error', () => resolve({ code: null, signal: null }));
      child.on('close', (code, signal) => resolve({ code, signal }));
    },
  );
  clearTimeout(timer);
  if (signal?.aborted) throw new ExtractionStoppedError();
  if (timedOut) return { status: 'too-complex', detail: `stopped after ${limits.timeoutMs} ms` };
  if (exit.code !== 0) {
    // Out of heap (V8 aborts) or killed: the file asks for more than the limits allow.
    return {
      status: 'too-complex',
      detail: `extraction process ended (${exit.signal ?? `code ${exit.code}`}): ${stderr.trim().split('\n').pop() ?? ''}`,
    };
  }
  try {
    return JSON.parse(Buffer.concat(stdout).toString('utf8')) as ExtractionOutcome;
  } catch {
    return { status: 'unreadable', detail: 'extraction process gave no result' };
  }
}
