import { Badge, Card, Grid, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconAddressBook,
  IconClipboardList,
  IconClockHour4,
  IconDiscountCheck,
  IconListNumbers,
  IconPackage,
  IconSpeakerphone,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '@/lib/format/date-time';
import type { PublishedServiceStandard } from '@/lib/api/types';

import { hasAnyMode, hasContacts, modes } from '../utils/standard-parts';

import { ComplaintChannelList } from './complaint-channel-list';
import { ContactList } from './contact-list';
import { ModeLists } from './mode-lists';
import { SectionCard } from './section-card';

type ServiceStandardViewProps = {
  standard: PublishedServiceStandard;
  /** The unit's IANA zone: the update time is shown as the unit's clock read it. */
  timeZone: string;
  /** Shown below the complaint channels: the complaint form and the unit's complaint deadlines. */
  complaints?: ReactNode;
};

/** Every component of a published service standard; components the unit left empty are omitted. */
export function ServiceStandardView({ standard, timeZone, complaints }: ServiceStandardViewProps) {
  const { t } = useTranslation();
  const completion = modes.filter((mode) => standard.completion_time[mode]);

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="lg">
        <Text size="sm" c="dimmed" tt="uppercase" fw={600}>
          {t('standard.title')}
        </Text>
        <Title order={2} mt={4}>
          {standard.service_name}
        </Title>
        <Group gap="xs" mt="sm">
          {standard.sk_number && (
            <Badge variant="outline" color="gray" size="lg" style={{ textTransform: 'none' }}>
              {t('standard.skNumber', { number: standard.sk_number })}
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {t('standard.updatedAt', { date: formatDateTime(standard.updated_at, timeZone) })}
          </Text>
        </Group>
        <Paper mt="md" p="md" radius="md" bg="green.0" withBorder style={{ borderColor: 'var(--mantine-color-green-3)' }}>
          <Group gap="md" wrap="nowrap">
            <ThemeIcon color="green" size={44} radius="xl" aria-hidden>
              <IconDiscountCheck size={28} />
            </ThemeIcon>
            <div>
              {/* Green shade 9 is 4.06:1 on its pale green: the small texts are in the text colour. */}
              <Text size="xs" fw={600} tt="uppercase">
                {t('standard.cost')}
              </Text>
              <Text size="xl" fw={800} c="green.9" lh={1.2}>
                {t('standard.free')}
              </Text>
              <Text size="sm">
                {standard.cost}
              </Text>
            </div>
          </Group>
        </Paper>
      </Card>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            {hasAnyMode(standard.requirements) && (
              <SectionCard title={t('standard.requirements')} icon={<IconClipboardList size={20} />}>
                <ModeLists byMode={standard.requirements} />
              </SectionCard>
            )}
            {hasAnyMode(standard.procedures) && (
              <SectionCard title={t('standard.procedures')} icon={<IconListNumbers size={20} />}>
                <ModeLists byMode={standard.procedures} ordered />
              </SectionCard>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            {completion.length > 0 && (
              <SectionCard title={t('standard.completionTime')} icon={<IconClockHour4 size={20} />}>
                <Stack gap="sm">
                  {completion.map((mode) => (
                    <div key={mode}>
                      <Badge variant="light" color={mode === 'online' ? 'blue' : 'teal'} mb={4}>
                        {t(`standard.modes.${mode}`)}
                      </Badge>
                      <Text size="sm">{standard.completion_time[mode]}</Text>
                    </div>
                  ))}
                </Stack>
              </SectionCard>
            )}
            {standard.products.length > 0 && (
              <SectionCard title={t('standard.products')} icon={<IconPackage size={20} />}>
                <List spacing="xs" size="sm">
                  {standard.products.map((product, index) => (
                    <List.Item key={index}>{product}</List.Item>
                  ))}
                </List>
              </SectionCard>
            )}
            {hasContacts(standard) && (
              <SectionCard title={t('standard.contacts')} icon={<IconAddressBook size={20} />}>
                <ContactList contacts={standard} />
              </SectionCard>
            )}
            {(standard.complaint_channels.length > 0 || complaints) && (
              <SectionCard
                title={t('standard.complaints')}
                icon={<IconSpeakerphone size={20} />}
                color="orange"
              >
                <Stack gap="lg">
                  {standard.complaint_channels.length > 0 && <ComplaintChannelList channels={standard.complaint_channels} />}
                  {complaints}
                </Stack>
              </SectionCard>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
