import {
  Anchor,
  AppShell,
  Box,
  Burger,
  Button,
  Container,
  Divider,
  Group,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconChartBar, IconLogout } from '@tabler/icons-react';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';

import { PageLoader } from '@/components/ui/page-loader';
import { paths } from '@/config/paths';
import { useUser } from '@/lib/auth/get-me';
import { useLogout } from '@/lib/auth/logout';
import { isStaffRole } from '@/lib/auth/roles';

import { LanguageSwitch } from './language-switch';
import { accountNavItems, mainNavItems } from './nav-items';

/** `compact`: the header is busy with a signed-in user's links, so the tagline waits for a wide screen. */
function Brand({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton component={Link} to={paths.home} aria-label={t('nav.home')}>
      <Group gap={8} wrap="nowrap">
        <IconChartBar size={26} color="var(--mantine-color-blue-7)" aria-hidden />
        <Box>
          <Text fw={700} lh={1.1}>
            {t('common.appName')}
          </Text>
          <Text size="xs" c="dimmed" lh={1.1} visibleFrom={compact ? 'xl' : 'xs'} style={{ whiteSpace: 'nowrap' }}>
            {t('common.appTagline')}
          </Text>
        </Box>
      </Group>
    </UnstyledButton>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { user, isSignedIn } = useUser();
  const logout = useLogout();
  const location = useLocation();

  useEffect(close, [location.pathname, close]);

  const mainItems = mainNavItems(user);
  const accountItems = accountNavItems(user, isSignedIn);
  const onLogout = () => logout.mutate();
  // Staff have more places than a header holds: on wide screens their menu stays open as a side bar.
  const staff = user !== null && isStaffRole(user.role);
  const wide = useMediaQuery('(min-width: 48em)') ?? false;
  const menuShown = opened || (staff && wide);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: staff ? 240 : 280, breakpoint: 'sm', collapsed: { mobile: !opened, desktop: !staff } }}
      padding={0}
    >
      <AppShell.Header>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="xs" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')}
              />
              <Brand compact={isSignedIn} />
            </Group>
            {!staff && (
              <Group gap="md" wrap="nowrap" visibleFrom="sm" component="nav" aria-label={t('nav.mainNav')}>
                {/* The brand is the way home in the header; the phone menu lists it. */}
                {mainItems
                  .filter((item) => item.to !== paths.home)
                  .map((item) => (
                    <Anchor key={item.to} component={RouterNavLink} to={item.to} end c="dark" fw={500} style={{ whiteSpace: 'nowrap' }}>
                      {t(item.label)}
                    </Anchor>
                  ))}
              </Group>
            )}
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitch />
              <Group gap="xs" wrap="nowrap" visibleFrom="sm">
                {accountItems.map((item, index) => (
                  <Button
                    key={item.to}
                    component={Link}
                    to={item.to}
                    size="xs"
                    maw={180}
                    variant={index === accountItems.length - 1 && !user ? 'filled' : 'default'}
                    title={user && item.to === paths.profile ? user.full_name : undefined}
                  >
                    {user && item.to === paths.profile ? (
                      <Text span inherit truncate="end" miw={0}>
                        {user.full_name}
                      </Text>
                    ) : (
                      t(item.label)
                    )}
                  </Button>
                ))}
                {isSignedIn && (
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconLogout size={16} />}
                    onClick={onLogout}
                    loading={logout.isPending}
                  >
                    {t('nav.logout')}
                  </Button>
                )}
              </Group>
            </Group>
          </Group>
        </Container>
      </AppShell.Header>

      <AppShell.Navbar p="md" hiddenFrom={staff ? undefined : 'sm'} inert={!menuShown} aria-label={t('nav.menu')}>
        <Stack gap={4}>
          {mainItems.map((item) => (
            <NavLink key={item.to} component={RouterNavLink} to={item.to} end label={t(item.label)} />
          ))}
        </Stack>
        {/* On wide screens the header holds the account's buttons. */}
        <Stack gap={4} hiddenFrom="sm">
          <Divider my="sm" />
          {user && (
            <Text size="sm" c="dimmed" px="sm">
              {user.full_name}
            </Text>
          )}
          {accountItems.map((item) => (
            <NavLink key={item.to} component={RouterNavLink} to={item.to} label={t(item.label)} />
          ))}
          {isSignedIn && (
            <NavLink
              component="button"
              label={t('nav.logout')}
              leftSection={<IconLogout size={16} />}
              onClick={onLogout}
            />
          )}
        </Stack>
      </AppShell.Navbar>

      <AppShell.Main>
        <Container size="lg" py="lg" px={{ base: 'sm', sm: 'md' }}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
