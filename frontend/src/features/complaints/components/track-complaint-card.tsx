import { Card, Group, Text, ThemeIcon, Title } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { TrackCodeForm } from './track-code-form';

/** "Lacak pengaduan" on the home page: type the code, open its tracking page. */
export function TrackComplaintCard() {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="track-complaint-title">
      <Group gap="sm" wrap="nowrap" mb={4}>
        <ThemeIcon variant="light" color="orange" size="lg" radius="md" aria-hidden>
          <IconSpeakerphone size={20} />
        </ThemeIcon>
        <Title order={2} id="track-complaint-title" size="h3">
          {t('complaintDesk.track.title')}
        </Title>
      </Group>
      <Text c="dimmed" mb="md">
        {t('complaintDesk.track.lead')}
      </Text>
      <TrackCodeForm />
    </Card>
  );
}
