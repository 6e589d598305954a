import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { written } from '../../server/src/host/written';

const PIECE = 'x'.repeat(64 * 1024 - 1) + '\n';
const PIECES = 320; // 20 MB

test('written: a pipe whose reader starts late holds the writer back; every byte arrives', async () => {
  // The reader sleeps before it reads, as a terminal pager or a slow log collector would.
  const reader = spawn(process.execPath, ['-e', "let n = 0; setTimeout(() => process.stdin.on('data', (d) => (n += d.length)).on('end', () => process.stdout.write(String(n))), 300);"], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let received = '';
  reader.stdout.on('data', (data) => (received += data));
  const ended = new Promise((resolve) => reader.on('close', resolve));
  let mostQueued = 0;
  for (let i = 0; i < PIECES; i++) {
    await written(reader.stdin, PIECE);
    mostQueued = Math.max(mostQueued, reader.stdin.writableLength);
  }
  reader.stdin.end();
  await ended;
  assert.equal(Number(received), PIECE.length * PIECES);
  // Without waiting, all 20 MB sat in the queue; waiting, never more than the stream's mark and one piece.
  assert.ok(mostQueued <= reader.stdin.writableHighWaterMark + PIECE.length, `${mostQueued} bytes queued`);
});

test('written: a stream that is destroyed while the writer waits lets it go on', async () => {
  const stuck = new Writable({ highWaterMark: 1, write: () => undefined });
  const waiting = written(stuck, 'more than one byte');
  assert.ok(waiting, 'a full stream makes the writer wait');
  stuck.destroy();
  await waiting;
});

test('written: a stream that is gone already does not make the writer wait', async () => {
  const gone = new Writable({ highWaterMark: 1, write: (_chunk, _encoding, callback) => callback() });
  gone.on('error', () => undefined);
  const closed = new Promise((resolve) => gone.on('close', resolve));
  gone.destroy();
  await closed;
  assert.equal(written(gone, 'after the reader left'), undefined);
});
