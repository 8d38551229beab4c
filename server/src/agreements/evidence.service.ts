import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { Inject, Injectable, StreamableFile } from '@nestjs/common';
import { EVIDENCE_MEDIA_TYPES, TextSchema, type EvidenceFileDto } from '@enlace/shared';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import type { AuthUser } from '../common/auth/auth-user.js';
import { CONFIG } from '../common/config/config.module.js';
import type { Config } from '../common/config/config.js';
import { AppError, notFound } from '../common/errors/app-error.js';
import { UnitOfWork } from '../events/unit-of-work.js';
import { AccessService } from '../workspaces/access.service.js';
import { CommitmentsRepository } from './commitments.repository.js';
import { EvidenceRepository } from './evidence.repository.js';

/** Bytes per stored chunk; also how much is read before the type is detected. */
const CHUNK_BYTES = 256 * 1024;
const ALLOWED: ReadonlySet<string> = new Set(EVIDENCE_MEDIA_TYPES);

const notAllowed = () => new AppError('FILE_TYPE_NOT_ALLOWED', 'Evidence must be a PDF, an image, an office document, a CSV or a text file');

/**
 * Evidence files of a commitment, stored in PostgreSQL. An upload is spooled to a private file first, its
 * size limit enforced as it streams (by busboy, at the configured EVIDENCE_MAX_BYTES) and its type detected
 * from the content; then it goes into the database chunk by chunk in one short transaction, and any refusal
 * stores nothing. Downloads pass the same access check as the commitment and are always attachments, never
 * sniffed.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly evidence: EvidenceRepository,
    private readonly commitments: CommitmentsRepository,
    private readonly access: AccessService,
    private readonly unitOfWork: UnitOfWork,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  /** Where uploads wait, readable by this process only, until their transaction has them. */
  private get spoolDir(): string {
    return join(this.config.dataDir, 'uploads');
  }

  /**
   * Who may record a measurement on the commitment may upload its evidence; checked before a byte is read.
   * The bytes are first spooled to a file of this process (DATA_DIR/uploads), checked as they arrive, with no
   * database connection held: a slow client cannot tie up the pool. Then one short transaction writes them.
   */
  async upload(auth: AuthUser, commitmentId: string, request: FastifyRequest): Promise<EvidenceFileDto> {
    const commitment = await this.commitments.find(commitmentId);
    if (!commitment) throw notFound('Commitment');
    (await this.access.workspace(auth, commitment.agreementId)).require('update', 'Commitment', { responsibleOrganizationId: commitment.responsibleOrganizationId });
    if (!request.isMultipart()) throw invalidUpload('Send the file as multipart/form-data in the field "file"');
    const parts = request.parts({ limits: { fileSize: this.config.evidenceMaxBytes, files: 1 } });
    const first = await fromUpload(parts.next());
    const part = first.done ? undefined : first.value;
    if (part?.type !== 'file' || part.fieldname !== 'file') throw invalidUpload('Send the file as multipart/form-data in the field "file"');
    const spoolPath = join(this.spoolDir, randomUUID());
    try {
      const spooled = await this.spool(part, spoolPath);
      // One file a request: a second one (busboy's files limit) or anything after it is refused.
      if (!(await fromUpload(parts.next())).done) throw invalidUpload('Send one file a request');
      // Any refusal below rolls the transaction back: no record, no chunk, no event.
      return await this.unitOfWork.run(auth.id, async (tx) => {
        // Re-checked in the transaction: the caller's rights may have changed while the bytes arrived.
        (await this.access.workspace(auth, commitment.agreementId, tx.manager)).require('update', 'Commitment', { responsibleOrganizationId: commitment.responsibleOrganizationId });
        const fileId = await this.evidence.begin(tx.manager, { commitmentId, fileName: safeFileName(part.filename), uploadedBy: auth.id });
        let seq = 0;
        for await (const data of createReadStream(spoolPath, { highWaterMark: CHUNK_BYTES })) await this.evidence.appendChunk(tx.manager, fileId, seq++, data as Buffer);
        const file = await this.evidence.complete(tx.manager, fileId, spooled);
        tx.record({ workspaceId: commitment.agreementId, type: 'evidence.uploaded', entityId: file.id, payload: file });
        return file;
      });
    } finally {
      // Whatever was refused, drain the rest of the upload so the response can go out, and drop the spool.
      part.file.resume();
      await rm(spoolPath, { force: true });
    }
  }

  /** The upload into `path`, its size limit and type checked as it streams; what `complete` records of it. */
  private async spool(part: MultipartFile, path: string): Promise<Pick<EvidenceFileDto, 'mediaType' | 'size' | 'sha256'>> {
    await mkdir(this.spoolDir, { recursive: true, mode: 0o700 });
    const out = await open(path, 'wx', 0o600);
    try {
      const hash = createHash('sha256');
      const text = new TextDecoder('utf-8', { fatal: true });
      let mediaType: string | undefined;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let size = 0;
      const flush = async (last: boolean) => {
        const data = Buffer.concat(pending);
        pending = [];
        pendingBytes = 0;
        mediaType ??= await detect(data, part.filename);
        if (mediaType.startsWith('text/')) checkText(text, data, last);
        if (data.length > 0) await out.write(data);
      };
      const tooLarge = () => new AppError('FILE_TOO_LARGE', `Evidence files are limited to ${this.config.evidenceMaxBytes} bytes`, { maxBytes: this.config.evidenceMaxBytes });
      for await (const piece of fromStream(part.file)) {
        hash.update(piece);
        size += piece.length;
        if (size > this.config.evidenceMaxBytes) throw tooLarge();
        pending.push(piece);
        pendingBytes += piece.length;
        if (pendingBytes >= CHUNK_BYTES) await flush(false);
      }
      // Busboy stops at the limit and marks the stream truncated: the rest of the file was never read.
      if (part.file.truncated) throw tooLarge();
      if (size === 0) throw invalidUpload('The file is empty');
      await flush(true);
      return { mediaType: mediaType!, size, sha256: hash.digest('hex') };
    } finally {
      await out.close();
    }
  }

  async download(auth: AuthUser, id: string): Promise<StreamableFile> {
    const file = await this.evidence.find(id);
    if (!file) throw notFound('Evidence');
    const commitment = await this.commitments.find(file.commitmentId);
    if (!commitment) throw notFound('Evidence');
    (await this.access.workspace(auth, commitment.agreementId)).require('read', 'Commitment');
    return new StreamableFile(Readable.from(this.evidence.chunks(id)), {
      type: file.mediaType,
      length: file.size,
      disposition: `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }
}

const invalidUpload = (message: string) => new AppError('VALIDATION_FAILED', 'The request is not valid', [{ path: 'file', message, code: 'invalid_type' }]);

/** A malformed or cut-off multipart body (busboy's and the plugin's errors) is the client's: 400, never 500. */
async function fromUpload<T>(step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalidUpload(`The upload could not be read: ${(error as Error).message}`);
  }
}

async function* fromStream(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const iterator = stream[Symbol.asyncIterator]();
  for (;;) {
    const next = await fromUpload(iterator.next());
    if (next.done) return;
    yield next.value;
  }
}

/** The detected type when it is allowed; content no detector knows is text only if it is UTF-8 without NUL bytes. */
async function detect(head: Buffer, fileName: string): Promise<string> {
  const detected = await fileTypeFromBuffer(head);
  if (detected) {
    if (!ALLOWED.has(detected.mime)) throw notAllowed();
    return detected.mime;
  }
  return /\.csv$/i.test(fileName) ? 'text/csv' : 'text/plain';
}

/** Text evidence stays text to its end: valid UTF-8 (a character may span chunks) and no NUL byte. */
function checkText(decoder: InstanceType<typeof TextDecoder>, data: Buffer, last: boolean): void {
  if (data.includes(0)) throw notAllowed();
  try {
    decoder.decode(data, { stream: !last });
  } catch {
    throw notAllowed();
  }
}

/** The name as given, without any path, control characters or invalid text; never empty. */
function safeFileName(name: string): string {
  const cleaned = basename(name.replace(/\\/g, '/'))
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, 255);
  return cleaned !== '' && TextSchema.safeParse(cleaned).success ? cleaned : 'evidence';
}
