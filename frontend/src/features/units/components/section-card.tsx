import { Card, Group, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type SectionCardProps = { title: string; icon: ReactNode; children: ReactNode; color?: string };

export function SectionCard({ title, icon, children, color = 'blue' }: SectionCardProps) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title}>
      <Group gap="sm" mb="md" wrap="nowrap">
        <ThemeIcon variant="light" color={color} size="lg" radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={3} size="h4">
          {title}
        </Title>
      </Group>
      {children}
    </Card>
  );
}
