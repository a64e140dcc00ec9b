import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { FollowUp, Referral } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';

type Props = { followUps: FollowUp[]; referrals: Referral[]; timeZone: string };

const isLink = (value: string) => /^https?:\/\//i.test(value);

/** Follow-ups scheduled and referrals made, for both sides of the conversation. */
export function FollowUpsAndReferrals({ followUps, referrals, timeZone }: Props) {
  const { t } = useTranslation();
  if (followUps.length === 0 && referrals.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('consultations.followUps.title')}>
      <Stack gap="md">
        {followUps.length > 0 && (
          <div>
            <Title order={2} size="h5" mb="xs">
              {t('consultations.followUps.title')}
            </Title>
            <Stack gap="xs">
              {followUps.map((f) => (
                <div key={f.id}>
                  <Text size="sm" fw={600}>
                    {t(`consultations.followUps.kinds.${f.kind}`)} · {formatDateTime(f.scheduled_at, timeZone)}
                  </Text>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {isLink(f.location_or_link) ? (
                      <Anchor href={f.location_or_link} target="_blank" rel="noreferrer">
                        {f.location_or_link}
                      </Anchor>
                    ) : (
                      f.location_or_link
                    )}
                  </Text>
                  {f.note && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {f.note}
                    </Text>
                  )}
                </div>
              ))}
            </Stack>
          </div>
        )}
        {referrals.length > 0 && (
          <div>
            <Title order={2} size="h5" mb="xs">
              {t('consultations.referrals.title')}
            </Title>
            <Stack gap="xs">
              {referrals.map((r) => (
                <div key={r.id}>
                  <Text size="sm" fw={600}>
                    {t(`consultations.referrals.services.${r.service}`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(r.created_at, timeZone)}
                  </Text>
                  {r.note && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {r.note}
                    </Text>
                  )}
                </div>
              ))}
            </Stack>
          </div>
        )}
      </Stack>
    </Card>
  );
}
