import { Button, Group, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { paths } from '@/config/paths';

/** Type a tracking code, open its tracking page. */
export function TrackCodeForm({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = code.trim().toUpperCase();
        if (!trimmed) {
          setError(t('validation.required'));
          return;
        }
        void navigate(paths.trackComplaint(trimmed));
      }}
      noValidate
    >
      <Group gap="sm" align="flex-start" wrap="wrap">
        <TextInput
          label={t('complaintDesk.track.code')}
          placeholder={t('complaintDesk.track.codePlaceholder')}
          value={code}
          onChange={(event) => {
            setCode(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          autoComplete="off"
          spellCheck={false}
          style={{ flex: 1, minWidth: 220 }}
        />
        <Button type="submit" mt={25} leftSection={<IconSearch size={16} />}>
          {t('complaintDesk.track.submit')}
        </Button>
      </Group>
    </form>
  );
}
