import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A confirmation in a live region that is always present (empty until there is news), so what it says is
 * announced when it changes.
 */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <Box role="status" mb={children ? 'sm' : 0}>
      {children && (
        <Text size="sm" className="status-message">
          {children}
        </Text>
      )}
    </Box>
  );
}
