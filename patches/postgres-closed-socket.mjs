// postgres.js 3.4.9 can crash the whole process when PostgreSQL closes a connection (a restart, a failover):
// `begin()` sends ROLLBACK on the transaction's connection after `closed()` has set its socket to null, the
// write is deferred with setImmediate, and `nextWrite` then throws an uncatchable TypeError
// (porsager/postgres#1154, #1208; fixes proposed in #1168 and #1209, not released). `closed()` also cancels a
// deferred write without forgetting it, so after the reconnect that connection never flushes again.
// This applies the proposed guard to every build of the driver. Runs as `postinstall`; idempotent; warns when
// postgres.js no longer looks as expected (tests/faults/postgres-restart.test.ts then shows whether it is needed).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MARK = '/* lead-desk: closed-socket guard */';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'postgres');
const edits = [
  // A write that comes due after the socket closed fails its query instead of the process.
  [
    '  function nextWrite(fn) {\n',
    `  function nextWrite(fn) {\n    ${MARK}\n    if (!socket) return (chunk = nextWriteTimer = null, error(Errors.connection('CONNECTION_CLOSED', options)), false)\n`,
  ],
  // A cancelled write is forgotten with its socket, so the next socket's writes are flushed again.
  ['    clearImmediate(nextWriteTimer)\n', '    clearImmediate(nextWriteTimer), chunk = nextWriteTimer = null\n'],
];

for (const build of ['src', 'cjs/src', 'cf/src']) {
  const file = join(root, build, 'connection.js');
  if (!existsSync(file)) continue;
  const source = readFileSync(file, 'utf8');
  if (source.includes(MARK)) continue;
  if (!edits.every(([from]) => source.includes(from))) {
    console.warn(`patches/postgres-closed-socket.mjs: ${file} does not look like postgres.js 3.4.9; left as it is`);
    continue;
  }
  writeFileSync(
    file,
    edits.reduce((text, [from, to]) => text.replaceAll(from, to), source),
  );
}
