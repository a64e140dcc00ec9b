import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { KnowledgeSearch } from '@/features/knowledge/components/knowledge-search';
import { servingUnits } from '@/features/units/api/get-serving-units';

import { UnitsGate } from './units-gate';

/** The public knowledge base: search, filters, and the newest articles. */
export function KnowledgeRoute() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={900}>
      <div>
        <Title order={1}>{t('knowledge.page.title')}</Title>
        <Text c="dimmed">{t('knowledge.page.lead')}</Text>
      </div>
      <UnitsGate>{(units) => <KnowledgeSearch units={units} servingUnits={servingUnits([...units.values()])} />}</UnitsGate>
    </Stack>
  );
}
