import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { isSensitiveField } from '@enlace/shared';
import type { Observable } from 'rxjs';
import { AppError } from '../common/errors/app-error.js';

/**
 * On the routes of the non-sensitive case record: a sensitive field in the body is refused with its own code
 * (before validation, which would only call it an unknown field), so a client that put one in the wrong place
 * learns where it goes, and the value goes no further than this check.
 */
@Injectable()
export class RejectSensitiveFields implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const body: unknown = context.switchToHttp().getRequest<{ body?: unknown }>().body;
    const sent = body !== null && typeof body === 'object' ? Object.keys(body).filter(isSensitiveField) : [];
    if (sent.length > 0) {
      throw new AppError('SENSITIVE_FIELD_NOT_ALLOWED', 'Sensitive fields are written only through PUT /api/cases/{id}/sensitive', { fields: sent });
    }
    return next.handle();
  }
}
