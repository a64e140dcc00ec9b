import { Alert, Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconMessagePlus, IconSpeakerphone } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api/problem';
import type { UnitDetail } from '@/lib/api/types';
import { useUser } from '@/lib/auth/get-me';
import { isStaffRole } from '@/lib/auth/roles';
import { describeZone } from '@/lib/format/date-time';

import { useUnit } from '../api/get-unit';
import { ServiceStandardView } from '../components/service-standard-view';
import { UnitSettingsSummary } from '../components/unit-settings-summary';

type UnitRouteProps = {
  /** What other features add under the unit's head (the walk-in queue's remote ticket), composed by the app. */
  extra?: (unit: UnitDetail) => ReactNode;
  /** What goes beside the unit's complaint channels (the complaint form), composed by the app. */
  complaints?: (unit: UnitDetail) => ReactNode;
};

const complaintsId = 'unit-complaints';

export function UnitRoute({ extra, complaints }: UnitRouteProps = {}) {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const unit = useUnit(code);
  const { user } = useUser();

  if (unit.isPending) {
    return (
      <Stack>
        <Skeleton h={40} w="60%" />
        <Skeleton h={160} />
        <Skeleton h={320} />
      </Stack>
    );
  }
  if (unit.isError) {
    if (isApiError(unit.error, 'not_found')) {
      return (
        <Stack>
          <Title order={1}>{t('unit.notFoundTitle')}</Title>
          <Text>{t('unit.notFoundBody', { code })}</Text>
          <Anchor component={Link} to={paths.home}>
            {t('common.backHome')}
          </Anchor>
        </Stack>
      );
    }
    return <ErrorAlert error={unit.error} />;
  }

  const { data } = unit;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{data.name}</Title>
        <Group gap="xs" mt="xs">
          <Badge variant="light">{t(`unitKinds.${data.kind}`)}</Badge>
          <Badge variant="light" color="gray">
            {t('unit.code', { code: data.code })}
          </Badge>
          <Badge variant="light" color="grape" style={{ textTransform: 'none' }}>
            {t('unit.timeZone', { zone: describeZone(data.time_zone) })}
          </Badge>
        </Group>
        <Group gap="sm" mt="md">
          {data.service_standard && !isStaffRole(user?.role) && (
            // Anonymous visitors are asked to log in first, then come back to the form.
            <Button component={Link} to={paths.newConsultation({ unit: data.code })} leftSection={<IconMessagePlus size={18} />}>
              {t('consultations.cta.unit')}
            </Button>
          )}
          {complaints && !isStaffRole(user?.role) && (
            // The form sits at the end of a long page, beside the complaint channels: a way straight there.
            <Button component="a" href={`#${complaintsId}`} variant="default" leftSection={<IconSpeakerphone size={18} />}>
              {t('complaintDesk.unitCta')}
            </Button>
          )}
        </Group>
      </div>

      {extra?.(data)}

      <Card withBorder radius="md" padding="lg" component="section" aria-label={t('unit.settingsTitle')}>
        <Title order={2} size="h4" mb="sm">
          {t('unit.settingsTitle')}
        </Title>
        <UnitSettingsSummary settings={data.settings} />
      </Card>

      {data.service_standard ? (
        <ServiceStandardView standard={data.service_standard} timeZone={data.time_zone} complaints={complaints && <div id={complaintsId}>{complaints(data)}</div>} />
      ) : (
        <>
          <Alert icon={<IconInfoCircle />} title={t('unit.noStandardTitle')} color="gray">
            {t('unit.noStandardBody')}
          </Alert>
          {complaints && (
            <Card withBorder radius="md" padding="lg" component="section" aria-label={t('standard.complaints')} id={complaintsId}>
              {complaints(data)}
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}
