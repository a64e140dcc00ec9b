import { Group, Radio, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { ComplaintKind } from '@/lib/api/types';

import { complaintKinds } from '../utils/options';

type KindChoiceProps = { value: ComplaintKind; onChange: (value: ComplaintKind) => void; error?: ReactNode };

/** Complaint, suggestion, appreciation or information, each with a line on what it is for. */
export function KindChoice({ value, onChange, error }: KindChoiceProps) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('complaintDesk.form.kind')}
      required
      value={value}
      onChange={(v) => {
        const kind = complaintKinds.find((k) => k === v);
        if (kind) onChange(kind);
      }}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt={4}>
        {complaintKinds.map((kind) => (
          <Radio.Card key={kind} value={kind} radius="md" p="sm" withBorder>
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator mt={2} />
              <div>
                <Text fw={600} size="sm">
                  {t(`reports.complaintKinds.${kind}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`complaintDesk.kindHints.${kind}`)}
                </Text>
              </div>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
