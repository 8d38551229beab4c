// Imported, not global: the client's tsconfig has no Jest types.
import { describe, expect, it } from '@jest/globals';
import { ApiRequestError } from '../../api/api-error.js';
import { wipLimitOf, wipStateOf } from './wip-limit.js';

describe('wipStateOf', () => {
  it('tells a column without limit, with room, full and over its limit apart', () => {
    expect(wipStateOf(7, null)).toBe('none');
    expect(wipStateOf(2, 3)).toBe('room');
    expect(wipStateOf(3, 3)).toBe('full');
    // A limit lowered below the count: the server allows that and refuses only additions.
    expect(wipStateOf(4, 3)).toBe('over');
  });
});

describe('wipLimitOf', () => {
  it('reads the full column, its limit and its count from a WIP_LIMIT_REACHED refusal', () => {
    const error = new ApiRequestError({ statusCode: 409, code: 'WIP_LIMIT_REACHED', details: { columnId: 'c1', wipLimit: 2, count: 2 } });
    expect(wipLimitOf(error)).toEqual({ columnId: 'c1', wipLimit: 2, count: 2 });
  });

  it('is null for any other error, and for a refusal without usable details', () => {
    expect(wipLimitOf(new ApiRequestError({ statusCode: 409, code: 'VERSION_CONFLICT', details: { columnId: 'c1', wipLimit: 2, count: 2 } }))).toBeNull();
    expect(wipLimitOf(new ApiRequestError({ statusCode: 409, code: 'WIP_LIMIT_REACHED' }))).toBeNull();
    expect(wipLimitOf(new Error('network'))).toBeNull();
  });
});
