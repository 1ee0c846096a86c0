import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INSTALL_HINT = "install Debian's postgresql: apt-get install postgresql (or run scripts/install-system-deps.sh)";

/** The bin folder of the newest PostgreSQL server installed the Debian way (/usr/lib/postgresql/<version>/bin). */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+(\.\d+)?$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const found = versions
    .map((version) => join(root, version, 'bin'))
    .find((bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl')));
  if (!found)
    throw new Error(
      `PostgreSQL server binaries (initdb, pg_ctl) not found under ${root}/<version>/bin: ${INSTALL_HINT}.`,
    );
  return found;
}

/** A loopback port nobody listens on right now (the OS picks it; we release it for the server). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port assigned')),
      );
    });
  });
}

/**
 * Starts a throwaway PostgreSQL server on a free loopback port with a database
 * `vesalius_test`, and returns its URL and a stop() that shuts it down and deletes its
 * files. The server binaries refuse to run as root, so as root they run as `postgres`.
 */
export async function startPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const bin = postgresBin();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'vesalius-pg-'));
  const data = join(dir, 'data');
  // cwd: the postgres user may not be allowed into the current directory.
  const run = (tool: string, args: string[]) => {
    const [command, prefix] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool)]] : [join(bin, tool), []];
    execFileSync(command, [...prefix, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  };
  const stopServer = () => {
    try {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    } catch {
      // Not running (it never started, or was already stopped): nothing to stop.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // If the test process exits without calling stop(), do not leave a server behind.
  const onExit = () => stopServer();
  process.once('exit', onExit);
  try {
    if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-locale', '-E', 'UTF8']);
    const port = await freePort();
    try {
      run('pg_ctl', [
        '-D',
        data,
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
        '-w',
        '-l',
        join(dir, 'log'),
        'start',
      ]);
    } catch (error) {
      const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '';
      throw new Error(`PostgreSQL did not start on port ${port}: ${(error as Error).message}\n${log}`);
    }
    run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'vesalius_test']);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/vesalius_test`,
      stop: async () => {
        process.removeListener('exit', onExit);
        stopServer();
      },
    };
  } catch (error) {
    process.removeListener('exit', onExit);
    stopServer();
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`Cannot run the PostgreSQL tools (${(error as Error).message}): ${INSTALL_HINT}.`);
    throw error;
  }
}
