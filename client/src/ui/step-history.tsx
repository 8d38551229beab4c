import { Text, Timeline } from '@mantine/core';

export interface HistoryStep {
  id: string;
  /** "From → To", in the reader's language. */
  title: string;
  /** When and by whom. */
  meta: string;
  reason: string | null;
}

/** A record's steps (a lifecycle, a case's stages), oldest first, each with when, who and why: a labelled list. */
export function StepHistory({ steps, label }: { steps: HistoryStep[]; label: string }) {
  return (
    <Timeline role="list" bulletSize={14} lineWidth={2} active={steps.length - 1} aria-label={label}>
      {steps.map((step) => (
        <Timeline.Item role="listitem" key={step.id} title={step.title}>
          <Text size="sm" c="dimmed">
            {step.meta}
          </Text>
          {step.reason && <Text size="sm">{step.reason}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
