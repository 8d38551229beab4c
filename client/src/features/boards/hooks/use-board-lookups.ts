import { useMemo, type CSSProperties } from 'react';
import type { LabelDto } from '@enlace/shared';
import { initials } from '../../../ui/initials';
import { useMembers } from '../../workspaces/hooks/use-members';
import { readableTextColor } from '../label-colors';

export interface LabelLook {
  id: string;
  name: string;
  /** Background and a text colour that contrasts with it; one object per label, shared by all its chips. */
  style: CSSProperties;
}

export interface PersonLook {
  displayName: string;
  initials: string;
}

/** What cards refer to by id (labels, members), resolved once per board rather than once per card. */
export interface BoardLookups {
  labels: ReadonlyMap<string, LabelLook>;
  people: ReadonlyMap<string, PersonLook>;
}

/**
 * Rebuilt only when the board's labels or the workspace's members change: a card moving or being
 * edited keeps the same maps, so the cards that did not change are not rendered again.
 */
export function useBoardLookups(workspaceId: string, labels: LabelDto[]): BoardLookups {
  const members = useMembers(workspaceId).data?.items;
  const labelLooks = useMemo(
    () =>
      new Map(
        labels.map((label) => [label.id, { id: label.id, name: label.name, style: { backgroundColor: label.color, color: readableTextColor(label.color) } }]),
      ),
    [labels],
  );
  const people = useMemo(
    () => new Map((members ?? []).map((member) => [member.userId, { displayName: member.displayName, initials: initials(member.displayName) }])),
    [members],
  );
  return useMemo(() => ({ labels: labelLooks, people }), [labelLooks, people]);
}
