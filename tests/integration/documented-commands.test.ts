// Every root command the README documents, run as a person types it in a second shell beside
// the stack that `npm start` runs: a throwaway env file (DEJALA_ENV_FILE, the only seam) holds
// the ports and folders, and nothing else is exported. The README's table is read: a command
// documented without a check here, or checked here without being documented, fails the suite.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@dejala/search/child-process';
import { eventually } from '../../cms/tests/helpers/eventually';
import { interruptGroup, signalGroup } from '../helpers/process-group';
import { adminLogin, request } from '../../cms/tests/helpers/http';
import { parseEnv } from '../../search/src/platform-env.ts';
import { searchKeyValue } from '../../search/src/search-key-value.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The commands of the README's table of root scripts, as written there. */
function documentedCommands(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(
    readme.indexOf('Other root scripts'),
    readme.indexOf('## Configuration'),
  );
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

interface Run {
  code: number | null;
  output: string;
}

describe('the README’s commands, beside a running `npm start`', () => {
  let dir: string;
  let envFile: string;
  let stack: ChildProcess;
  let stackOutput = '';
  let env: Record<string, string>;
  let cmsUrl: string;
  let adminToken: string;

  /** The environment of a person's shell: PATH and HOME, and the test's env file. */
  const shellEnv = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DEJALA_ENV_FILE: envFile,
    ...extra,
  });

  /** Runs a command line of the README (`npm run …`, possibly after VAR=value) to its end. */
  function runLine(line: string, extra: Record<string, string> = {}): Promise<Run> {
    const words = line.split(' ');
    const assignments = Object.fromEntries(
      words
        .filter((word) => /^[A-Z_]+=/.test(word))
        .map((word) => word.split('=') as [string, string]),
    );
    const [command, ...args] = words.filter((word) => !/^[A-Z_]+=/.test(word));
    return new Promise((resolve) => {
      const child = spawn(command!, args, {
        cwd: ROOT,
        env: shellEnv({ ...assignments, ...extra }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk));
      child.on('exit', (code) => resolve({ code, output }));
    });
  }

  const ok = async (line: string, extra?: Record<string, string>) => {
    const run = await runLine(line, extra);
    expect(run.code, `${line}\n${run.output.slice(-4000)}`).toBe(0);
    return run.output;
  };

  const publishedCount = async (endpoint: string) =>
    (
      await request(cmsUrl, `/api/${endpoint}?pagination[pageSize]=1`, {
        token: env.SITE_API_TOKEN,
      })
    ).body.meta.pagination.total as number;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-commands-'));
    envFile = path.join(dir, '.env');
    const [cmsPort, meiliPort, sitePort] = [await freePort(), await freePort(), await freePort()];
    cmsUrl = `http://127.0.0.1:${cmsPort}`;
    // What a person would set in .env to run the stack somewhere of their choosing.
    fs.writeFileSync(
      envFile,
      [
        `CMS_PORT=${cmsPort}`,
        `MEILI_PORT=${meiliPort}`,
        `SITE_PORT=${sitePort}`,
        `DATABASE_FILENAME=${path.join(dir, 'data.db')}`,
        `CMS_PUBLIC_DIR=${path.join(dir, 'public')}`,
        `MEILI_DATA_DIR=${path.join(dir, 'meilisearch')}`,
        `SITE_DATA_DIR=${path.join(dir, 'site')}`,
        `SITE_OUT_DIR=${path.join(dir, 'site-dist')}`,
        `BACKUP_DIR=${path.join(dir, 'backups')}`,
        `BACKUP_WORK_DIR=${path.join(dir, 'backup-work')}`,
        'SERVE_ADMIN_PANEL=false',
        '',
      ].join('\n'),
    );
    fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
    // Its own process group, as in a terminal: Ctrl-C (SIGINT) reaches npm, the shells it runs
    // and `scripts/start.ts` alike, which then stops Strapi, the site server and Meilisearch.
    stack = spawn('npm', ['start'], {
      cwd: ROOT,
      env: shellEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    stack.stdout?.on('data', (chunk) => (stackOutput += chunk));
    stack.stderr?.on('data', (chunk) => (stackOutput += chunk));
    await eventually(
      async () => {
        if (stack.exitCode !== null)
          throw new Error(`npm start exited:\n${stackOutput.slice(-3000)}`);
        expect(stackOutput).toContain('Ctrl-C stops everything.');
      },
      300_000,
      500,
    );
    env = parseEnv(fs.readFileSync(envFile, 'utf8'));
    adminToken = await adminLogin(cmsUrl, {
      email: env.ADMIN_EMAIL!,
      password: env.ADMIN_PASSWORD!,
    });
  });

  afterAll(async () => {
    await interruptGroup(stack);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const OFFERS = '/content-manager/collection-types/api::offer.offer';

  /** Each documented command and what shows it did what its line says, in this order. */
  const checks: Record<string, () => Promise<void>> = {
    async 'npm run seed'() {
      // An offer deleted by hand comes back; the rest is left as it is.
      const offers = await request(cmsUrl, '/api/offers?filters[slug][$eq]=culture-de-dialogue', {
        token: env.SITE_API_TOKEN,
      });
      const [offer] = offers.body.data as Array<{ documentId: string }>;
      expect(
        (
          await request(cmsUrl, `${OFFERS}/${offer!.documentId}`, {
            method: 'DELETE',
            token: adminToken,
          })
        ).status,
      ).toBe(200);
      const before = await publishedCount('offers');
      const output = await ok('npm run seed');
      expect(output).toContain('api::offer.offer: 1 created');
      expect(await publishedCount('offers')).toBe(before + 1);
    },

    async 'npm run seed -- --synthetic 2000'() {
      // An editor publishes every few seconds while the import writes the same SQLite file.
      const before = await publishedCount('media-items');
      let importing = true;
      const publishes: number[] = [];
      const editor = (async () => {
        for (let n = 1; importing; n += 1) {
          const draft = await request(cmsUrl, OFFERS, {
            method: 'POST',
            token: adminToken,
            body: {
              title: `Offre pendant l’import ${n}`,
              slug: `offre-import-${n}`,
              summary: 'Publiée pendant un import.',
            },
          });
          const published = await request(
            cmsUrl,
            `${OFFERS}/${draft.body.data?.documentId}/actions/publish`,
            {
              method: 'POST',
              token: adminToken,
              body: {},
            },
          );
          publishes.push(published.status);
          await new Promise((resolve) => setTimeout(resolve, 3000));
        }
      })();
      const started = Date.now();
      const run = await runLine('npm run seed -- --synthetic 2000');
      importing = false;
      await editor;
      console.log(
        `seed of 2,000 items beside the running stack: ${((Date.now() - started) / 1000).toFixed(0)} s, ${publishes.length} publishes meanwhile`,
      );
      expect(run.code, run.output.slice(-4000)).toBe(0);
      expect(await publishedCount('media-items')).toBe(before + 2000);
      expect(publishes.length).toBeGreaterThan(2);
      // Every publish went through: none met the import's lock ("database is locked").
      const errors = stackOutput.split('\n').filter((line) => /error/i.test(line));
      expect(
        publishes.every((status) => status === 200),
        `${publishes.join(',')}\n${errors.slice(0, 5).join('\n')}`,
      ).toBe(true);
    },

    async 'npm run reindex'() {
      await ok('npm run reindex');
      const stats = await fetch(`http://127.0.0.1:${env.MEILI_PORT}/indexes/media/stats`, {
        headers: { authorization: `Bearer ${env.MEILI_MASTER_KEY}` },
      });
      expect((await stats.json()).numberOfDocuments).toBe(await publishedCount('media-items'));
    },

    async 'npm run reindex -- --check'() {
      expect(await ok('npm run reindex -- --check')).toContain('index and CMS agree');
    },

    async 'npm run search-setup'() {
      expect(await ok('npm run search-setup')).toContain(searchKeyValue(env.MEILI_MASTER_KEY!));
    },

    async 'npm run setup'() {
      // In a folder of its own, with the options the Deployment section gives.
      const setupEnv = path.join(dir, 'setup', '.env');
      fs.mkdirSync(path.dirname(setupEnv));
      const output = await ok(
        'npm run setup -- --site-url https://www.example.org --cms-url https://cms.example.org --admin-email contact@example.org',
        { DEJALA_ENV_FILE: setupEnv },
      );
      expect(output).toContain('setup: ready');
      expect(parseEnv(fs.readFileSync(setupEnv, 'utf8')).BACKUP_PUBLIC_KEY).toMatch(
        /^dejala-backup-public-key:/,
      );
    },

    async 'npm run backup'() {
      await ok('npm run backup');
      expect(
        fs.readdirSync(path.join(dir, 'backups')).filter((name) => name.endsWith('.tar')),
      ).toHaveLength(1);
    },

    async 'npm run restore -- FILE --check'() {
      const [archive] = fs.readdirSync(path.join(dir, 'backups'));
      const output = await ok(`npm run restore -- ${path.join(dir, 'backups', archive!)} --check`);
      expect(output).toMatch(/can be restored: .*media-item \d+/);
    },

    async 'npm run restore -- FILE --yes'() {
      const archive = fs
        .readdirSync(path.join(dir, 'backups'))
        .find((name) => !name.includes('before-restore'));
      const offers = await publishedCount('offers');
      const media = await publishedCount('media-items');
      const output = await ok(`npm run restore -- ${path.join(dir, 'backups', archive!)} --yes`);
      expect(output).toContain('restore: content restored');
      expect(await publishedCount('offers')).toBe(offers);
      expect(await publishedCount('media-items')).toBe(media);
    },

    async 'npm run serve-site'() {
      // A second site server beside the stack's, on a port and folder of its own.
      const port = await freePort();
      const child = spawn('npm', ['run', 'serve-site'], {
        cwd: ROOT,
        env: shellEnv({ SITE_PORT: String(port), SITE_DATA_DIR: path.join(dir, 'site-2') }),
        stdio: 'ignore',
        detached: true,
      });
      try {
        await eventually(
          async () => expect((await fetch(`http://127.0.0.1:${port}/_health`)).status).toBe(204),
          60_000,
          250,
        );
      } finally {
        signalGroup(child.pid!, 'SIGTERM');
      }
    },

    async 'npm run build-site'() {
      const output = await ok('npm run build-site');
      expect(output).toMatch(/site: \d+ files and \d+ images written to /);
      expect(fs.readFileSync(path.join(dir, 'site-dist', 'index.html'), 'utf8')).toContain(
        'Déjà-là',
      );
    },

    async 'npm run bench'() {
      // Hours at full size: run as the next line documents, at 100 items.
    },

    async 'BENCH_QUICK=1 npm run bench'() {
      const started = Date.now();
      await ok('BENCH_QUICK=1 npm run bench');
      // Every benchmark wrote its figures, in this run.
      for (const name of [
        'cms',
        'search',
        'document-search',
        'indexing-memory',
        'site',
        'site-load',
        'images',
        'backup',
      ]) {
        const written = fs.statSync(path.join(ROOT, 'bench-results', `${name}.json`)).mtimeMs;
        expect(written, name).toBeGreaterThanOrEqual(started);
      }
    },

    async 'npm run lint'() {
      await ok('npm run lint');
    },

    async 'npm run format'() {
      await ok('npm run format');
    },

    async 'npm run seed -- --synthetic 200 --random-seed 2 --documents 0.2 --covers 0.05'() {
      const output = await ok(
        'npm run seed -- --synthetic 200 --random-seed 2 --documents 0.2 --covers 0.05',
      );
      const attached = /seed: (\d+) PDFs of 30 pages and (\d+) captions files attached/.exec(
        output,
      );
      expect(attached, output).not.toBeNull();
      const pdfs = Number(attached![1]);
      expect(pdfs).toBeGreaterThan(0);
      const covers = Number(/seed: (\d+) covers attached/.exec(output)?.[1]);
      expect(covers, output).toBeGreaterThan(0);
      const items: Array<{ file: { mime: string } | null; cover: { mime: string } | null }> = [];
      for (const page of [1, 2]) {
        const response = await request(
          cmsUrl,
          `/api/media-items?filters[slug][$startsWith]=synthetique-2-&populate[file][fields][0]=mime&populate[cover][fields][0]=mime&pagination[pageSize]=100&pagination[page]=${page}`,
        );
        items.push(...response.body.data);
      }
      expect(items).toHaveLength(200);
      expect(items.filter((item) => item.file?.mime === 'application/pdf')).toHaveLength(pdfs);
      expect(items.filter((item) => item.cover?.mime === 'image/jpeg')).toHaveLength(covers);
    },
    async 'npm run typecheck'() {
      await ok('npm run typecheck');
    },
  };

  it('checks exactly the commands the README documents', () => {
    expect(Object.keys(checks).sort()).toEqual(documentedCommands().sort());
  });

  // The quick benchmarks take some 13 minutes alone on 2 cores, up to 18 beside the stack.
  const timeouts: Record<string, number> = { 'BENCH_QUICK=1 npm run bench': 1_500_000 };
  for (const [line, check] of Object.entries(checks)) {
    it(`${line}: exits 0 and does what its line says`, check, timeouts[line] ?? 900_000);
  }

  // Bad input: one clear line from the command, and a non-zero exit.
  it.each([
    ['npm run seed -- --bogus', /seed: failed: .*bogus/],
    ['npm run seed -- --synthetic', /seed: failed: .*synthetic/],
    ['npm run seed -- --synthetic 0', /seed: failed: --synthetic expects a positive whole number/],
    [
      'npm run seed -- --synthetic 10 --covers 2',
      /seed: failed: --covers expects a share from 0 to 1/,
    ],
    ['npm run seed -- --synthetic -5', /seed: failed: .*synthetic/],
    [
      'npm run seed -- --synthetic beaucoup',
      /seed: failed: --synthetic expects a positive whole number/,
    ],
    ['npm run seed -- --synthetic 10 --documents 2', /seed: failed: --documents expects a share/],
    ['npm run reindex -- --bogus', /reindex: failed: .*bogus/],
    ['npm run backup -- --keep zero', /backup: failed: --keep takes a number/],
    ['npm run backup -- --keep -1', /backup: failed: .*keep/],
    ['npm run backup -- --bogus', /backup: failed: .*bogus/],
    ['npm run restore -- /nulle-part/sauvegarde.tar --check', /restore: failed: .*does not exist/],
    ['npm run restore -- --bogus', /restore: failed: .*bogus/],
    ['npm run restore', /restore: failed: name one archive/],
    ['npm run setup -- --bogus', /setup: .*bogus/],
  ])('%s: says what is wrong in one line and exits non-zero', async (line, expected) => {
    const run = await runLine(line);
    expect(run.code, run.output).not.toBe(0);
    // npm's own lines ("> script", "npm error …") and the Node 22 helper's are not the command's.
    const own = run.output
      .split('\n')
      .filter((text) => text.trim() !== '' && !/^(>|npm (error|ERR)|node22:)/.test(text.trim()));
    expect(own, run.output).toHaveLength(1);
    expect(own[0]).toMatch(expected);
  });
});
