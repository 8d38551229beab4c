import type { LabelLook } from '../hooks/use-board-lookups';

/** A label as a coloured chip that always shows its name. */
export function LabelChip({ label, hidden }: { label: LabelLook; /** when the name is already given to assistive technology */ hidden?: boolean }) {
  return (
    <span className="label-chip" style={label.style} title={label.name} aria-hidden={hidden || undefined}>
      {label.name}
    </span>
  );
}
