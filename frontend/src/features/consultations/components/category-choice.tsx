import { Group, Radio, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { Category } from '@/lib/api/types';

import { categories } from '../utils/options';

type CategoryChoiceProps = {
  value: Category | null;
  onChange: (value: Category) => void;
  error?: ReactNode;
};

/** The four categories as a radio group, each with what it covers. */
export function CategoryChoice({ value, onChange, error }: CategoryChoiceProps) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('consultations.new.category')}
      required
      value={value}
      onChange={(v) => onChange(v)}
      error={error}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={4}>
        {categories.map((category) => (
          <Radio.Card key={category} value={category} radius="md" p="sm" withBorder>
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator mt={2} />
              <div>
                <Text fw={600} size="sm">
                  {t(`consultations.categories.${category}.label`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`consultations.categories.${category}.body`)}
                </Text>
              </div>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
