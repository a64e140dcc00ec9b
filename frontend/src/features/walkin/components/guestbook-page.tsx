import { Alert, Button, Card, Group, SegmentedControl, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';

import { useGuestbook } from '../api/get-guestbook';
import { useTodaysTickets } from '../api/get-tickets';
import type { GuestbookLookup } from '../api/query-keys';

import { useGuestbookForm, valuesFromEntry } from '../utils/guestbook-form';

import { GuestbookForm } from './guestbook-form';
import { GuestbookList } from './guestbook-list';

/** The front office's guest book: the form, a lookup of returning visitors and today's entries. */
export function GuestbookPage({ unitCode, timeZone }: { unitCode: string; timeZone: string }) {
  const { t } = useTranslation();
  const form = useGuestbookForm();
  const tickets = useTodaysTickets(unitCode);
  const today = useGuestbook(unitCode, {});
  const [by, setBy] = useState<'email' | 'idNumber'>('email');
  const [term, setTerm] = useState('');
  const [lookup, setLookup] = useState<GuestbookLookup | null>(null);
  const found = useGuestbook(unitCode, lookup ?? {}, lookup !== null);
  const linkable = (tickets.data?.items ?? []).filter((ticket) => ticket.status !== 'cancelled');

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="guestbook-lookup">
        <Title order={2} size="h4" id="guestbook-lookup">
          {t('walkin.guestbook.lookupTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('walkin.guestbook.lookupLead')}
        </Text>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const value = term.trim();
            if (value) setLookup(by === 'email' ? { email: value } : { idNumber: value });
          }}
        >
          <Group align="flex-end" wrap="wrap">
            <SegmentedControl
              aria-label={t('walkin.guestbook.lookupBy')}
              value={by}
              onChange={(value) => setBy(value === 'idNumber' ? 'idNumber' : 'email')}
              data={[
                { value: 'email', label: t('walkin.guestbook.email') },
                { value: 'idNumber', label: t('walkin.guestbook.idNumber') },
              ]}
            />
            <TextInput
              label={by === 'email' ? t('walkin.guestbook.email') : t('walkin.guestbook.idNumber')}
              value={term}
              onChange={(event) => setTerm(event.currentTarget.value)}
              w={{ base: '100%', sm: 300 }}
            />
            <Button type="submit" variant="light" leftSection={<IconSearch size={16} />}>
              {t('walkin.guestbook.lookup')}
            </Button>
          </Group>
        </form>
        {lookup && (
          <Stack mt="md">
            {found.isFetching && !found.data ? (
              <Skeleton h={60} />
            ) : found.data && found.data.items.length > 0 ? (
              <GuestbookList
                entries={found.data.items}
                timeZone={timeZone}
                withDate
                caption={t('walkin.guestbook.lookupFound', { count: found.data.total })}
                onUse={(entry) => form.setValues(valuesFromEntry(entry))}
              />
            ) : (
              found.data && <Alert color="gray">{t('walkin.guestbook.lookupNone')}</Alert>
            )}
            <ErrorAlert error={found.error} />
          </Stack>
        )}
      </Card>

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="guestbook-form">
        <Title order={2} size="h4" id="guestbook-form" mb="sm">
          {t('walkin.guestbook.formTitle')}
        </Title>
        <GuestbookForm unitCode={unitCode} tickets={linkable} form={form} />
      </Card>

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="guestbook-today">
        <Title order={2} size="h4" id="guestbook-today" mb="sm">
          {t('walkin.guestbook.todayTitle')}
        </Title>
        {today.isPending ? (
          <Skeleton h={80} />
        ) : today.data && today.data.items.length > 0 ? (
          <GuestbookList entries={today.data.items} timeZone={timeZone} caption={t('walkin.guestbook.todayCount', { count: today.data.total })} />
        ) : (
          <Text c="dimmed">{t('walkin.guestbook.todayNone')}</Text>
        )}
        <ErrorAlert error={today.error} />
      </Card>
    </Stack>
  );
}
