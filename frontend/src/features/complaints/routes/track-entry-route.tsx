import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { TrackCodeForm } from '../components/track-code-form';

/** `/complaints/track`: type the tracking code from the receipt or the email. */
export function TrackEntryRoute() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={640}>
      <div>
        <Title order={1}>{t('complaintDesk.track.title')}</Title>
        <Text c="dimmed">{t('complaintDesk.track.lead')}</Text>
      </div>
      <Card withBorder radius="md" padding="lg">
        <TrackCodeForm />
      </Card>
    </Stack>
  );
}
