import { Anchor, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api/problem';

import { useTrackedComplaint } from '../api/track-complaint';
import { TrackCodeForm } from '../components/track-code-form';
import { TrackingView } from '../components/tracking-view';

/** `/complaints/track/:code`: the complaint's progress, or a form to type the code again. */
export function TrackComplaintRoute() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const tracking = useTrackedComplaint(code);

  if (tracking.isPending) {
    return (
      <Stack>
        <Skeleton h={40} w="60%" />
        <Skeleton h={200} />
      </Stack>
    );
  }
  if (tracking.isError) {
    const notFound = isApiError(tracking.error, 'not_found') || isApiError(tracking.error, 'validation_failed');
    return (
      <Stack gap="lg" maw={640}>
        <Title order={1}>{notFound ? t('complaintDesk.track.notFoundTitle') : t('complaintDesk.track.title')}</Title>
        {notFound ? <Text>{t('complaintDesk.track.notFoundBody', { code })}</Text> : <ErrorAlert error={tracking.error} />}
        <Card withBorder radius="md" padding="lg">
          <TrackCodeForm key={code} initial={code} />
        </Card>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      <TrackingView tracking={tracking.data} />
      <Anchor component={Link} to={paths.trackComplaintEntry} size="sm">
        {t('complaintDesk.track.other')}
      </Anchor>
    </Stack>
  );
}
