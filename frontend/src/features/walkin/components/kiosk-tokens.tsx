import { Alert, Button, Code, CopyButton, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import type { NewKioskToken } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';
import { lengthProblem } from '@/lib/validation';

import { useCreateKioskToken } from '../api/create-kiosk-token';
import { useKioskTokens } from '../api/get-kiosk-tokens';
import { useRevokeKioskToken } from '../api/revoke-kiosk-token';

/** The supervisor's kiosk tokens: a new one's secret is shown once, and any can be revoked. */
export function KioskTokens({ unitCode, timeZone }: { unitCode: string; timeZone: string }) {
  const { t } = useTranslation();
  const tokens = useKioskTokens(unitCode);
  const create = useCreateKioskToken();
  const revoke = useRevokeKioskToken();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [created, setCreated] = useState<NewKioskToken | null>(null);

  return (
    <Stack>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const problem = lengthProblem(t, name.trim(), { minLength: 1, maxLength: 100 });
          setNameError(problem);
          if (problem) return;
          create.mutate({ unitCode, name }, {
            onSuccess: (token) => {
              setCreated(token);
              setName('');
            },
          });
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('walkin.kiosks.name')}
            placeholder={t('walkin.kiosks.namePlaceholder')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={nameError}
            maxLength={100}
            w={{ base: '100%', sm: 280 }}
          />
          <Button type="submit" leftSection={<IconKey size={16} />} loading={create.isPending}>
            {t('walkin.kiosks.create')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={create.error ?? revoke.error} />
      {created && (
        <Alert color="green" title={t('walkin.kiosks.createdTitle', { name: created.name })} role="status">
          <Text size="sm">{t('walkin.kiosks.createdBody')}</Text>
          <Group mt="xs" gap="xs" wrap="nowrap">
            <Code style={{ wordBreak: 'break-all' }} data-testid="new-kiosk-token">{created.token}</Code>
            <CopyButton value={created.token}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? t('walkin.kiosks.copied') : t('walkin.kiosks.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      {tokens.data && tokens.data.length === 0 ? (
        <Text c="dimmed">{t('walkin.kiosks.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={520} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('walkin.kiosks.name')}</Table.Th>
                <Table.Th>{t('walkin.kiosks.createdAt')}</Table.Th>
                <Table.Th>{t('walkin.kiosks.lastUsed')}</Table.Th>
                <Table.Th>{t('walkin.kiosks.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data?.map((token) => (
                <Table.Tr key={token.id}>
                  <Table.Td>{token.name}</Table.Td>
                  <Table.Td>{formatDateTime(token.created_at, timeZone)}</Table.Td>
                  <Table.Td>{token.last_used_at ? formatDateTime(token.last_used_at, timeZone) : '—'}</Table.Td>
                  <Table.Td>
                    {token.revoked_at ? (
                      <Text size="sm" c="dimmed">{t('walkin.kiosks.revokedAt', { time: formatDateTime(token.revoked_at, timeZone) })}</Text>
                    ) : (
                      <Button
                        size="xs"
                        color="red"
                        variant="light"
                        loading={revoke.isPending && revoke.variables.id === token.id}
                        onClick={() => revoke.mutate({ unitCode, id: token.id })}
                        aria-label={t('walkin.kiosks.revokeNamed', { name: token.name })}
                      >
                        {t('walkin.kiosks.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
