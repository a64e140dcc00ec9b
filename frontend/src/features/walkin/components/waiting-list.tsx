import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Ticket, WalkinService } from '@/lib/api/types';

import { WaitBadge } from './wait-badge';

type WaitingListProps = {
  services: WalkinService[];
  tickets: Ticket[];
  now: number;
  maxWaitMinutes: number | null | undefined;
  /** Services the chosen desk calls: shown first. */
  highlight?: readonly string[];
};

/** Today's waiting tickets per service, in the order they will be called. */
export function WaitingList({ services, tickets, now, maxWaitMinutes, highlight = [] }: WaitingListProps) {
  const { t } = useTranslation();
  const waiting = tickets.filter((ticket) => ticket.status === 'waiting');
  const ordered = [...services.filter((s) => s.active)].sort(
    (a, b) => Number(highlight.includes(b.code)) - Number(highlight.includes(a.code)),
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      {ordered.map((service) => {
        const queue = waiting
          .filter((ticket) => ticket.service === service.code)
          .sort((a, b) => (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) || a.taken_at.localeCompare(b.taken_at));
        return (
          <Card key={service.code} withBorder radius="md" padding="md" component="section" aria-label={service.name}>
            <Group justify="space-between" mb="xs" wrap="nowrap">
              <Title order={3} size="h5">
                {service.name}
              </Title>
              <Badge variant={highlight.includes(service.code) ? 'filled' : 'light'}>{t('walkin.console.waitingCount', { count: queue.length })}</Badge>
            </Group>
            {queue.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('walkin.console.nobodyWaiting')}
              </Text>
            ) : (
              <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {queue.map((ticket) => (
                  <Group key={ticket.id} justify="space-between" component="li" wrap="nowrap">
                    <Group gap="xs" wrap="nowrap">
                      <Text fw={700} ff="monospace">
                        {ticket.number}
                      </Text>
                      {ticket.priority && (
                        <Badge size="sm" color="grape" variant="light">
                          {t(`walkin.priority.${ticket.priority}`)}
                        </Badge>
                      )}
                    </Group>
                    <WaitBadge since={ticket.taken_at} now={now} maxWaitMinutes={maxWaitMinutes} />
                  </Group>
                ))}
              </Stack>
            )}
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
