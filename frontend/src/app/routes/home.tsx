import {
  Badge,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconBook,
  IconBuildingStore,
  IconCategory,
  IconDatabase,
  IconDiscountCheck,
  IconFileDescription,
  IconList,
  IconMessages,
  IconPlus,
  IconReportSearch,
  IconSearch,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import { TrackComplaintCard } from '@/features/complaints/components/track-complaint-card';
import { useUnits } from '@/features/units/api/get-units';
import { UnitDirectory } from '@/features/units/components/unit-directory';
import { useUser } from '@/lib/auth/get-me';

const topics = [
  { key: 'data', icon: <IconDatabase size={20} /> },
  { key: 'metadata', icon: <IconFileDescription size={20} /> },
  { key: 'activity', icon: <IconReportSearch size={20} /> },
  { key: 'classification', icon: <IconCategory size={20} /> },
] as const;

function Feature({ icon, title, body }: { icon: ReactNode; title: string; body: string }) {
  return (
    <Card withBorder radius="md" padding="md">
      <ThemeIcon variant="light" size="lg" radius="md" mb="sm" aria-hidden>
        {icon}
      </ThemeIcon>
      <Text fw={600}>{title}</Text>
      <Text size="sm" c="dimmed">
        {body}
      </Text>
    </Card>
  );
}

/** "Search first, then ask": the procedure of every published service standard. */
function KnowledgeSearchCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-labelledby="knowledge-title">
      <Group gap="sm" wrap="nowrap" mb={4}>
        <ThemeIcon variant="light" color="grape" size="lg" radius="md" aria-hidden>
          <IconBook size={20} />
        </ThemeIcon>
        <Title order={2} id="knowledge-title" size="h3">
          {t('home.knowledge.title')}
        </Title>
      </Group>
      <Text c="dimmed" mb="md">
        {t('home.knowledge.lead')}
      </Text>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void navigate(paths.knowledgeSearch(q.trim()));
        }}
      >
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('home.knowledge.label')}
            placeholder={t('home.knowledge.placeholder')}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(event) => setQ(event.currentTarget.value)}
            style={{ flex: 1, minWidth: 240 }}
          />
          <Button type="submit">{t('home.knowledge.submit')}</Button>
          <Button component={Link} to={paths.knowledge} variant="subtle">
            {t('home.knowledge.browse')}
          </Button>
        </Group>
      </form>
    </Card>
  );
}

export function HomeRoute() {
  const { t } = useTranslation();
  const { isSignedIn, user } = useUser();
  const units = useUnits();

  return (
    <Stack gap={48}>
      <Paper
        radius="lg"
        p={{ base: 'lg', sm: 40 }}
        bg="linear-gradient(135deg, var(--mantine-color-blue-8), var(--mantine-color-blue-6))"
        c="white"
      >
        <Badge color="green" variant="filled" size="lg" leftSection={<IconDiscountCheck size={14} />} mb="md">
          {t('home.freeTitle')}
        </Badge>
        <Title order={1} maw={720} fz={{ base: 28, sm: 40 }} lh={1.15}>
          {t('home.title')}
        </Title>
        <Text mt="md" maw={720} size="lg" c="blue.0">
          {t('home.lead')}
        </Text>
        <Group mt="xl" gap="sm">
          {!isSignedIn && (
            <Button component={Link} to={paths.register} color="white" c="blue.8" size="md">
              {t('home.registerCta')}
            </Button>
          )}
          {user?.role === 'public' && (
            <>
              <Button
                component={Link}
                to={paths.newConsultation()}
                color="white"
                c="blue.8"
                size="md"
                leftSection={<IconPlus size={18} />}
              >
                {t('consultations.cta.home')}
              </Button>
              <Button component={Link} to={paths.consultations} variant="outline" color="white" size="md" leftSection={<IconList size={18} />}>
                {t('consultations.cta.mine')}
              </Button>
            </>
          )}
          <Button component={Link} to={paths.knowledge} variant="outline" color="white" size="md" leftSection={<IconBook size={18} />}>
            {t('home.knowledgeCta')}
          </Button>
          <Button component="a" href="#units" variant="outline" color="white" size="md">
            {t('home.unitsCta')}
          </Button>
        </Group>
      </Paper>

      <KnowledgeSearchCard />

      <TrackComplaintCard />

      <section aria-labelledby="topics-title">
        <Title order={2} id="topics-title" mb="md">
          {t('home.topicsTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          {topics.map(({ key, icon }) => (
            <Feature key={key} icon={icon} title={t(`home.topics.${key}.title`)} body={t(`home.topics.${key}.body`)} />
          ))}
        </SimpleGrid>
      </section>

      <section aria-labelledby="channels-title">
        <Title order={2} id="channels-title" mb="md">
          {t('home.channelsTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Feature
            icon={<IconMessages size={20} />}
            title={t('home.channels.online.title')}
            body={t('home.channels.online.body')}
          />
          <Feature
            icon={<IconBuildingStore size={20} />}
            title={t('home.channels.offline.title')}
            body={t('home.channels.offline.body')}
          />
          <Feature icon={<IconDiscountCheck size={20} />} title={t('home.freeTitle')} body={t('home.freeBody')} />
        </SimpleGrid>
      </section>

      <section aria-labelledby="units-title" id="units">
        <Title order={2} id="units-title">
          {t('home.unitsTitle')}
        </Title>
        <Text c="dimmed" mb="md">
          {t('home.unitsLead')}
        </Text>
        {units.isPending && <Skeleton h={240} />}
        <ErrorAlert error={units.error} />
        {units.data && <UnitDirectory units={units.data} />}
      </section>
    </Stack>
  );
}
