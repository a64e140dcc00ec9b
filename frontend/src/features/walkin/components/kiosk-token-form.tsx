import { Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks once for the kiosk token the unit's supervisor created; the kiosk keeps it. */
export function KioskTokenForm({ onSave, rejected }: { onSave: (token: string) => void; rejected: boolean }) {
  const { t } = useTranslation();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Card withBorder radius="md" padding="xl" maw={480} mx="auto" component="section" aria-labelledby="kiosk-token-title">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!token.trim()) {
            setError(t('validation.required'));
            return;
          }
          onSave(token.trim());
        }}
      >
        <Stack>
          <Title order={2} id="kiosk-token-title">
            {t('walkin.kiosk.tokenTitle')}
          </Title>
          <Text c="dimmed">{rejected ? t('walkin.kiosk.tokenRejected') : t('walkin.kiosk.tokenLead')}</Text>
          <PasswordInput
            label={t('walkin.kiosk.tokenLabel')}
            value={token}
            onChange={(event) => {
              setToken(event.currentTarget.value);
              setError(null);
            }}
            error={error}
            size="lg"
            autoComplete="off"
          />
          <Button type="submit" size="lg">
            {t('walkin.kiosk.tokenSave')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
