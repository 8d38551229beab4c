import { z } from 'zod';
import { zodDto } from './zod-dto.js';

/** `?limit=&cursor=` of a keyset-paged list: the cursor is the id of the last item of the previous page. */
export class PageQueryDto extends zodDto(
  'PageQueryDto',
  z.strictObject({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.uuid().optional(),
  }),
) {}
