import { Alert, Anchor, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconDeviceTv, IconTicket } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { PageLoader } from '@/components/ui/page-loader';
import { paths } from '@/config/paths';
import { useUnit } from '@/features/units/api/get-unit';
import { useUnits } from '@/features/units/api/get-units';
import { WalkinLiveUpdates } from '@/features/walkin/components/walkin-live-updates';
import type { UnitDetail } from '@/lib/api/types';
import { useUser } from '@/lib/auth/get-me';

import { walkinPagePaths, walkinPagesFor, type WalkinPage } from './walkin-pages';

type FrameProps = { page: WalkinPage; children: (unit: UnitDetail) => ReactNode };

/**
 * The frame of the staff's walk-in pages: title, the pages as tabs, links to the unit's board and
 * kiosk, and the unit (the staff member's own; an administrator picks one).
 */
export function WalkinStaffFrame({ page, children }: FrameProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useUser();
  const units = useUnits();
  const [search, setSearch] = useSearchParams();
  const isAdmin = user?.role === 'admin';
  const consulting = units.data?.filter((u) => u.offers_consultations) ?? [];
  const code = isAdmin ? (search.get('unit') ?? consulting[0]?.code ?? null) : (user?.unit_code ?? null);
  const unit = useUnit(code ?? undefined);
  if (!user) return null;
  const pages = walkinPagesFor(user.role);
  const query = isAdmin && code ? `?unit=${encodeURIComponent(code)}` : '';

  return (
    <Stack gap="lg">
      <div>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={1}>{t(`walkin.pages.${page}.title`)}</Title>
          {code && (
            <Group gap="md">
              <Anchor href={paths.board(code)} target="_blank" rel="noopener" size="sm">
                <Group gap={4} wrap="nowrap">
                  <IconDeviceTv size={16} aria-hidden />
                  {t('walkin.pages.openBoard')}
                </Group>
              </Anchor>
              <Anchor href={paths.kiosk(code)} target="_blank" rel="noopener" size="sm">
                <Group gap={4} wrap="nowrap">
                  <IconTicket size={16} aria-hidden />
                  {t('walkin.pages.openKiosk')}
                </Group>
              </Anchor>
            </Group>
          )}
        </Group>
        <Text c="dimmed">{t(`walkin.pages.${page}.lead`)}</Text>
      </div>
      {isAdmin && (
        <Select
          label={t('staff.unitPicker')}
          searchable
          allowDeselect={false}
          value={code}
          onChange={(value) => value && setSearch({ unit: value })}
          data={consulting.map((u) => ({ value: u.code, label: `${u.code} · ${u.name}` }))}
          w={{ base: '100%', sm: 360 }}
        />
      )}
      {pages.length > 1 && (
        <Tabs value={page} onChange={(value) => value && void navigate(`${walkinPagePaths[value as WalkinPage]}${query}`)}>
          <Tabs.List>
            {pages.map((p) => (
              <Tabs.Tab key={p} value={p}>
                {t(`walkin.pages.${p}.tab`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      )}
      {!pages.includes(page) ? (
        <Alert color="gray">{t('walkin.pages.notForRole')}</Alert>
      ) : unit.data ? (
        <>
          <WalkinLiveUpdates unitCode={unit.data.code} />
          {children(unit.data)}
        </>
      ) : unit.error ? (
        <ErrorAlert error={unit.error} />
      ) : !code ? (
        <Text c="dimmed">{t('walkin.pages.noUnit')}</Text>
      ) : (
        <PageLoader />
      )}
    </Stack>
  );
}
