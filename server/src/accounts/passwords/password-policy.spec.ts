import { AppError } from '../../common/errors/app-error.js';
import { assertAcceptablePassword } from './password-policy.js';

describe('assertAcceptablePassword', () => {
  it('refuses a common password whatever its case, naming the field', () => {
    for (const password of ['qwerty123456', 'QWERTY123456', 'password']) {
      expect(() => assertAcceptablePassword(password, 'newPassword')).toThrow(AppError);
    }
    let refusal: unknown;
    try {
      assertAcceptablePassword('1qaz2wsx3edc', 'newPassword');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'newPassword', code: 'common_password' }] });
  });

  it('accepts a password that is not on the list', () => {
    expect(() => assertAcceptablePassword('a-long-demo-password')).not.toThrow();
  });
});
