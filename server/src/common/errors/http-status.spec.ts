import { ERROR_CODES } from '@enlace/shared';
import { httpStatusOf } from './http-status.js';

describe('httpStatusOf', () => {
  it('maps every error code to a 4xx or 5xx status', () => {
    for (const code of ERROR_CODES) {
      const status = httpStatusOf(code);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    }
  });

  it('answers reused invitation tokens with 410 Gone', () => {
    expect(httpStatusOf('INVITATION_USED')).toBe(410);
  });
});
