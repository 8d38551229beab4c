import { Paper, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

/** A narrow page of its own: sign-in, password reset, invitations. */
export function CardPage({ title, intro, children }: { title: ReactNode; intro?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper component="section" withBorder radius="md" shadow="xs" p={{ base: 'md', sm: 'xl' }} maw={440} mx="auto" mt={{ base: 'md', sm: 'xl' }} aria-labelledby={headingId}>
      <Title id={headingId} order={1} size="h2" mb="xs">
        {title}
      </Title>
      {intro && (
        <Text c="dimmed" size="sm" mb="md">
          {intro}
        </Text>
      )}
      {children}
    </Paper>
  );
}
