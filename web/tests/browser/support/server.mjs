// A real `csphub serve --demo` for the browser tests: a free loopback port, a fresh SQLite file
// in a temp directory, the built portal (web/dist), and the fastest argon2 settings (the demo
// seeds many passwords). Stopped with SIGTERM, then SIGKILL if it lingers.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
export const BINARY = process.env.CSPHUB_BINARY ?? resolve(here, '../../../../build/bin/csphub');
const PORTAL = process.env.CSPHUB_PORTAL_DIR ?? resolve(here, '../../../dist');

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

async function waitForHealth(url, child, log) {
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`csphub exited (${child.exitCode}):\n${log()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`csphub did not answer /healthz in 15 s:\n${log()}`);
}

export async function startServer() {
  for (const [what, path] of [
    ['csphub binary', BINARY],
    ['built portal', join(PORTAL, 'index.html')],
  ]) {
    if (!existsSync(path)) throw new Error(`No ${what} at ${path}: run \`make build\` first.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'csphub-web-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(
    BINARY,
    [
      'serve',
      '--demo',
      '--database',
      join(dir, 'demo.sqlite'),
      '--listen',
      `127.0.0.1:${port}`,
      '--portal-dir',
      PORTAL,
    ],
    {
      env: {
        ...process.env,
        CSPHUB_ARGON2_OPS_LIMIT: '1',
        CSPHUB_ARGON2_MEM_LIMIT_KIB: '8',
        CSPHUB_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  await waitForHealth(url, child, () => output);
  return {
    url,
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
