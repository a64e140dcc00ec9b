import { Anchor, Badge, Card, Group, Select, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import {
  IconBuilding,
  IconCalendar,
  IconUsers,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import { ComplaintDashboardCard } from '@/features/complaints/components/complaint-dashboard-card';
import { ConsultationQueueCard } from '@/features/consultations/components/consultation-queue-card';
import { CalendarStatusAlert } from '@/features/holidays/components/calendar-status-alert';
import { HolidayCalendar } from '@/features/holidays/components/holiday-calendar';
import { KnowledgeDashboardCard } from '@/features/knowledge/components/knowledge-dashboard-card';
import { CreateStaffForm } from '@/features/staff/components/create-staff-form';
import { StaffTable } from '@/features/staff/components/staff-table';
import { useUnit } from '@/features/units/api/get-unit';
import { useUnits } from '@/features/units/api/get-units';
import { UnitSettingsForm } from '@/features/units/components/unit-settings-form';
import { ReportDashboardCard } from '@/features/reports/components/report-dashboard-card';
import { WalkinDashboardCard } from '@/features/walkin/components/walkin-dashboard-card';
import type { Me, Unit } from '@/lib/api/types';
import { isStaffRole, managesUnit } from '@/lib/auth/roles';
import { useUser } from '@/lib/auth/get-me';

function Section({ title, lead, children }: { title: string; lead?: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {lead && (
        <Text size="sm" c="dimmed" mt={4}>
          {lead}
        </Text>
      )}
      <Stack mt="md">{children}</Stack>
    </Card>
  );
}

function UnitSettingsSection({ code }: { code: string }) {
  const { t } = useTranslation();
  const unit = useUnit(code);
  return (
    <Section title={t('staff.settings.title')} lead={t('staff.settings.lead')}>
      {unit.isPending && <Skeleton h={80} />}
      <ErrorAlert error={unit.error} />
      {unit.data && (
        <>
          <UnitSettingsForm key={unit.data.code} unitCode={unit.data.code} settings={unit.data.settings} />
          <Anchor component={Link} to={paths.unit(unit.data.code)} size="sm">
            {t('staff.viewStandard')}
          </Anchor>
        </>
      )}
    </Section>
  );
}

function UnitTab({ user, units }: { user: Me; units: Unit[] }) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<string | null>(user.unit_code ?? units[0]?.code ?? null);
  const code = user.role === 'admin' ? picked : user.unit_code;
  return (
    <Stack>
      {user.role === 'admin' && (
        <Select
          label={t('staff.unitPicker')}
          searchable
          allowDeselect={false}
          value={picked}
          onChange={setPicked}
          data={units.map((u) => ({ value: u.code, label: `${u.code} · ${u.name}` }))}
          w={{ base: '100%', sm: 360 }}
        />
      )}
      {code && <UnitSettingsSection code={code} />}
    </Stack>
  );
}

const tabs = ['unit', 'staff', 'holidays'] as const;
type Tab = (typeof tabs)[number];

export function StaffDashboardRoute() {
  const { t } = useTranslation();
  const { user } = useUser();
  const units = useUnits();
  // The open tab is in the address (`?tab=holidays`), so a link can open it.
  const [search, setSearch] = useSearchParams();
  if (!user || !isStaffRole(user.role)) return null;

  const role = user.role;
  const unitName = units.data?.find((u) => u.code === user.unit_code)?.name ?? user.unit_code;
  const isAdmin = role === 'admin';
  const asked = search.get('tab');
  const tab: Tab = tabs.find((name) => name === asked && (name !== 'holidays' || isAdmin)) ?? 'unit';
  const openTab = (value: string | null) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value && value !== 'unit') next.set('tab', value);
        else next.delete('tab');
        return next;
      },
      { replace: true },
    );

  const header = (
    <div>
      <Title order={1}>{t('staff.title')}</Title>
      <Group gap="xs" mt={4}>
        <Text c="dimmed">{t('staff.greeting', { name: user.full_name })}</Text>
        <Badge variant="light" style={{ textTransform: 'none' }}>
          {unitName
            ? t('staff.roleAtUnit', { role: t(`roles.${role}`), unit: unitName })
            : t('staff.allUnitsRole', { role: t(`roles.${role}`) })}
        </Badge>
      </Group>
    </div>
  );

  // Front office staff neither work the online queue nor keep the knowledge base; at the walk-in
  // service they keep the guest book.
  const walkinCard = user.unit_code && (
    <WalkinDashboardCard unitCode={user.unit_code} to={role === 'front_office' ? paths.staffGuestbook : paths.staffWalkin} />
  );
  const queueCard = (
    <>
      {role !== 'front_office' && <ConsultationQueueCard />}
      {walkinCard}
      {role !== 'front_office' && <KnowledgeDashboardCard />}
      {/* The complaint list is a unit's: admins name one on the desk itself. */}
      {role !== 'front_office' && user.unit_code && <ComplaintDashboardCard />}
    </>
  );

  const ownUnit = units.data?.find((u) => u.code === user.unit_code);

  if (!managesUnit(role)) {
    return (
      <Stack gap="lg">
        {header}
        {queueCard}
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      {header}
      {/* The reminder to load a year's holidays; the calendar's tab shows it on its own. */}
      {isAdmin && tab !== 'holidays' && <CalendarStatusAlert withLink />}
      {queueCard}
      {ownUnit && <ReportDashboardCard unitCode={ownUnit.code} timeZone={ownUnit.time_zone} />}
      <ErrorAlert error={units.error} />
      <Tabs value={tab} onChange={openTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="unit" leftSection={<IconBuilding size={16} />}>
            {t('staff.tabs.unit')}
          </Tabs.Tab>
          <Tabs.Tab value="staff" leftSection={<IconUsers size={16} />}>
            {t('staff.tabs.staff')}
          </Tabs.Tab>
          {isAdmin && (
            <Tabs.Tab value="holidays" leftSection={<IconCalendar size={16} />}>
              {t('staff.tabs.holidays')}
            </Tabs.Tab>
          )}
        </Tabs.List>

        <Tabs.Panel value="unit">
          {units.data ? <UnitTab user={user} units={units.data} /> : <Skeleton h={120} />}
        </Tabs.Panel>
        <Tabs.Panel value="staff">
          <Stack gap="lg">
            <Section title={t('staff.list.title')}>
              <StaffTable units={units.data ?? []} canFilterUnit={isAdmin} />
            </Section>
            {isAdmin && (
              <Section title={t('staff.create.title')} lead={t('staff.create.lead')}>
                <CreateStaffForm units={units.data ?? []} />
              </Section>
            )}
          </Stack>
        </Tabs.Panel>
        {isAdmin && (
          <Tabs.Panel value="holidays">
            <Section title={t('staff.holidays.title')} lead={t('staff.holidays.lead')}>
              <CalendarStatusAlert />
              <HolidayCalendar canEdit />
            </Section>
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
