import { Param, ParseUUIDPipe } from '@nestjs/common';
import { AppError } from '../errors/app-error.js';

/** A path id that is not a UUID cannot name anything: answer 404 as for any unknown id. */
export const IdParam = (name = 'id') =>
  Param(name, new ParseUUIDPipe({ version: undefined, exceptionFactory: () => new AppError('NOT_FOUND', 'Resource not found') }));
