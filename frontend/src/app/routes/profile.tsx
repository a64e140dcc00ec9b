import { Button, Card, Grid, Stack, Text, Title } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { ChangePasswordForm } from '@/features/profile/components/change-password-form';
import { ProfileDetailsForm } from '@/features/profile/components/profile-details-form';
import { useUnit } from '@/features/units/api/get-unit';
import { useUser } from '@/lib/auth/get-me';
import { useLogout } from '@/lib/auth/logout';

export function ProfileRoute() {
  const { t } = useTranslation();
  const { user } = useUser();
  const unit = useUnit(user?.unit_code ?? undefined);
  const logout = useLogout();
  if (!user) return null;

  return (
    <Stack gap="lg">
      <Title order={1}>{t('profile.title')}</Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder radius="md" padding="lg" component="section" aria-label={t('profile.detailsTitle')}>
            <Title order={2} size="h4" mb="md">
              {t('profile.detailsTitle')}
            </Title>
            <ProfileDetailsForm key={user.id} me={user} timeZone={unit.data?.time_zone} />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Card withBorder radius="md" padding="lg" component="section" aria-label={t('profile.passwordTitle')}>
              <Title order={2} size="h4" mb="md">
                {t('profile.passwordTitle')}
              </Title>
              <ChangePasswordForm />
            </Card>
            <Card withBorder radius="md" padding="lg" component="section" aria-label={t('profile.sessionTitle')}>
              <Title order={2} size="h4" mb="xs">
                {t('profile.sessionTitle')}
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                {t('profile.sessionBody')}
              </Text>
              <Button
                color="red"
                variant="light"
                leftSection={<IconLogout size={16} />}
                loading={logout.isPending}
                onClick={() => logout.mutate()}
              >
                {t('nav.logout')}
              </Button>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
