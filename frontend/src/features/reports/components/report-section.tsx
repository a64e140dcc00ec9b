import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type ReportSectionProps = { title: string; lead?: string; action?: ReactNode; children: ReactNode };

/** One part of the report under its own heading, kept whole on a printed page. */
export function ReportSection({ title, lead, action, children }: ReportSectionProps) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title} className="report-section">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div>
            <Title order={2} size="h3">
              {title}
            </Title>
            {lead && (
              <Text size="sm" c="dimmed">
                {lead}
              </Text>
            )}
          </div>
          {action}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

type SubsectionProps = { title: string; children: ReactNode };

export function ReportSubsection({ title, children }: SubsectionProps) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={3} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
