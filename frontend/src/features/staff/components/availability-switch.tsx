import { Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { everyValueOf } from '@/lib/api/enums';
import type { Availability, Me } from '@/lib/api/types';

import { useSetAvailability } from '../api/set-availability';

const choices = everyValueOf<Availability>()(['available', 'away', 'offline']);

/**
 * An officer's own availability: while available they are given new consultations when the unit
 * assigns automatically; with their last tab closed they show as away until they come back.
 */
export function AvailabilitySwitch({ me }: { me: Me }) {
  const { t } = useTranslation();
  const set = useSetAvailability();
  if (!me.availability) return null;
  return (
    <Card withBorder radius="md" padding="sm" component="section" aria-labelledby="availability-title">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text id="availability-title" fw={700} size="sm">
            {t('staff.availability.title')}
          </Text>
          <SegmentedControl
            aria-labelledby="availability-title"
            // The choice shows at once; a refusal shows the profile's again.
            value={!set.isError && set.variables ? set.variables : me.availability}
            onChange={(value) => {
              const chosen = choices.find((c) => c === value);
              if (chosen) set.mutate(chosen);
            }}
            data={choices.map((value) => ({ value, label: t(`staff.availability.${value}`) }))}
            size="xs"
          />
        </Group>
        <Text size="xs" c="dimmed">
          {t('staff.availability.hint')}
        </Text>
        <ErrorAlert error={set.error} />
      </Stack>
    </Card>
  );
}
