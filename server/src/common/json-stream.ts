import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';

/**
 * A JSON response sent as pieces of text while they are still being produced, typed by the document they
 * make up. A board's thousands of cards come from PostgreSQL already serialised: Node never builds the
 * objects, never stringifies them again, never holds one multi-megabyte string (on this hardware decoding
 * or flattening one cost more than the query), and the client receives the first cards while PostgreSQL
 * still serialises the last.
 */
export class JsonStream<T> extends StreamableFile {
  declare private readonly document?: T;
  private readonly body: Readable;

  constructor() {
    // Nothing to pull: the producer pushes as rows arrive. A board is a few MB at most, so no backpressure
    // is applied to PostgreSQL; the transaction ends as soon as the query does, however slow the reader.
    const body = new Readable({ read() {} });
    super(body, { type: 'application/json; charset=utf-8' });
    this.body = body;
  }

  push(piece: string): void {
    this.body.push(piece);
  }

  end(): void {
    this.body.push(null);
  }

  /** Aborts the response: a truncated document must not look complete. */
  fail(error: Error): void {
    this.body.destroy(error);
  }
}
