import { StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';

/**
 * A JSON response streamed as pieces of text, typed by the document they make up. PostgreSQL serialises
 * a board's thousands of cards itself, in pieces of a few dozen KB: Node never builds the objects, never
 * stringifies them again, and never allocates one multi-megabyte string (which, decoded, measured and
 * copied, cost more than the whole query).
 */
export class JsonPieces<T> extends StreamableFile {
  declare private readonly document?: T;

  constructor(pieces: string[]) {
    super(Readable.from(pieces, { objectMode: false }), { type: 'application/json; charset=utf-8' });
  }
}
