import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { Unit } from '@/lib/api/types';

import { groupUnitsByProvince } from '../utils/group-units';

function UnitLink({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={paths.unit(unit.code)} underline="never" c="inherit">
      <Group justify="space-between" wrap="nowrap" py={6} gap="xs">
        <div style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} c="blue.8">
            {unit.name}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`unitKinds.${unit.kind}`)} · {unit.code}
          </Text>
        </div>
        <IconChevronRight size={16} color="var(--mantine-color-gray-5)" aria-hidden />
      </Group>
    </Anchor>
  );
}

/** Units grouped by province, each linking to its service-standard page. */
export function UnitDirectory({ units }: { units: Unit[] }) {
  const { t } = useTranslation();
  if (units.length === 0) return <Text c="dimmed">{t('home.unitsEmpty')}</Text>;
  const { national, provinces } = groupUnitsByProvince(units);
  return (
    <Stack gap="md">
      {national.length > 0 && (
        <Card withBorder radius="md" padding="md" component="section" aria-label={t('home.unitsNational')}>
          <Title order={3} size="h5" mb="xs">
            {t('home.unitsNational')}
          </Title>
          {national.map((unit) => (
            <UnitLink key={unit.code} unit={unit} />
          ))}
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {provinces.map(({ province, units: members }) => {
          const title = province?.name ?? t('home.unitsOther');
          return (
            <Card
              key={province?.code ?? 'other'}
              withBorder
              radius="md"
              padding="md"
              component="section"
              aria-label={title}
            >
              <Title order={3} size="h5" mb="xs">
                {title}
              </Title>
              {province && <UnitLink unit={province} />}
              {members.map((unit) => (
                <UnitLink key={unit.code} unit={unit} />
              ))}
            </Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
