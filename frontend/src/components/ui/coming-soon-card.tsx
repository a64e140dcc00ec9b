import { Badge, Card, Group, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type ComingSoonCardProps = { icon: ReactNode; title: string; description: string };

/** A capability that is planned but not built: labelled as such, never faked. */
export function ComingSoonCard({ icon, title, description }: ComingSoonCardProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" radius="md" bg="gray.0" aria-disabled="true">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <ThemeIcon variant="light" color="gray" size="lg" radius="md">
          {icon}
        </ThemeIcon>
        <Badge color="gray" variant="outline">
          {t('common.comingSoon')}
        </Badge>
      </Group>
      <Text fw={600}>{title}</Text>
      <Text size="sm" c="dimmed">
        {description}
      </Text>
      <Text size="xs" c="dimmed" mt="xs" fs="italic">
        {t('common.comingSoonDetail')}
      </Text>
    </Card>
  );
}
