import type { Writable } from 'node:stream';

/** What ends a wait for the stream: it drained, failed or closed. */
const SETTLED = ['drain', 'error', 'close'] as const;

/**
 * Writes the text and, when the stream holds more than it wants (a pipe whose reader is slower
 * than the report is made), waits for it to drain: Node queues whatever a pipe does not take at
 * once, and 10,000 generated files' 37 MB JSON report sat in that queue, a fifth of the run's peak
 * memory. A stream that fails or closes meanwhile, or is gone already (`govmd check | head` once
 * head has exited), lets the writer go on: a wait for an event that never comes would end the
 * run with no exit code of its own.
 */
export function written(stream: Writable, text: string): Promise<void> | undefined {
  if (stream.write(text) || stream.destroyed || stream.writableEnded) return undefined;
  return new Promise((resolve) => {
    const done = () => {
      for (const event of SETTLED) stream.off(event, done);
      resolve();
    };
    for (const event of SETTLED) stream.on(event, done);
  });
}
