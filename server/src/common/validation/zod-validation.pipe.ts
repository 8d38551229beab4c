import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';

export function validationError(error: z.ZodError): AppError {
  const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message, code: issue.code }));
  return new AppError('VALIDATION_FAILED', 'The request is not valid', details);
}

/** Global pipe: any parameter typed with a `zodDto` class is parsed (and unknown keys rejected) by its schema. */
@Injectable()
export class ZodValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const schema = (metadata.metatype as { schema?: z.ZodType } | undefined)?.schema;
    if (!schema) return value;
    const result = schema.safeParse(value ?? {});
    if (!result.success) throw validationError(result.error);
    return result.data;
  }
}
