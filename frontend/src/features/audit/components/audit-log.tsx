import { Anchor, Badge, Button, Card, Code, Group, Select, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { Pager } from '@/components/ui/pager';
import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import type { Me, Unit } from '@/lib/api/types';
import { describeZone, formatDateTime } from '@/lib/format/date-time';

import { useAudit } from '../api/get-audit';
import { auditFiltersFrom, auditSearchOf, dayRangeToInstants, parseAction, type AuditFilters } from '../utils/audit-filters';

const PER_PAGE = 25;
const FALLBACK_ZONE = 'Asia/Jakarta';

type AuditEvent = NonNullable<ReturnType<typeof useAudit>['data']>['items'][number];

type AuditLogProps = {
  viewer: Me;
  units: ReadonlyMap<string, Unit>;
};

const verbKeys = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

function Action({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const { method, route } = parseAction(event.action);
  const verb = verbKeys.find((v) => v === method) ?? 'other';
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {t(`auditLog.verbs.${verb}`)}
      </Text>
      <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>{`${method} ${route}`.trim()}</Code>
    </Stack>
  );
}

function recordPath(event: AuditEvent) {
  if (!event.target_id) return null;
  if (event.target_type === 'consultations') return paths.staffConsultation(event.target_id);
  if (event.target_type === 'complaints') return paths.staffComplaint(event.target_id);
  return null;
}

function Target({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const known = event.target_type === 'consultations' || event.target_type === 'complaints';
  const kind = known ? t(`auditLog.targets.${event.target_type as 'consultations' | 'complaints'}`) : event.target_type;
  const to = recordPath(event);
  const status = typeof event.detail === 'object' && event.detail !== null && 'status' in event.detail ? event.detail.status : null;
  return (
    <Stack gap={2}>
      <Text size="sm">{kind}</Text>
      {event.target_id &&
        (to ? (
          <Anchor
            component={Link}
            to={to}
            size="xs"
            ff="monospace"
            style={{ overflowWrap: 'anywhere' }}
            aria-label={t('auditLog.openRecord', { target: `${kind} ${event.target_id}` })}
          >
            {event.target_id}
          </Anchor>
        ) : (
          <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {event.target_id}
          </Text>
        ))}
      {(typeof status === 'number' || typeof status === 'string') && (
        <Text size="xs" c="dimmed">
          {t('auditLog.status', { status })}
        </Text>
      )}
    </Stack>
  );
}

function Actor({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm">{t(`roles.${event.actor_role}`)}</Text>
      <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
        {event.actor_id ?? t('auditLog.unknownActor')}
      </Text>
      <Text size="xs" c="dimmed">
        {event.unit_code ? t('auditLog.unitLabel', { code: event.unit_code }) : t('auditLog.noUnit')}
      </Text>
    </Stack>
  );
}

/**
 * The audit log of staff changes, newest first, with its filters kept in the URL: a unit (for
 * admins, who read every unit's) and a range of days on the unit's clock.
 */
export function AuditLog({ viewer, units }: AuditLogProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const filters = auditFiltersFrom(search);
  const isAdmin = viewer.role === 'admin';
  // A supervisor reads their own unit's log only, whatever a hand-edited link says.
  const unit = isAdmin ? filters.unit : viewer.unit_code;
  const zone = (unit ? units.get(unit)?.time_zone : undefined) ?? FALLBACK_ZONE;
  const range = dayRangeToInstants(filters.from, filters.to, zone);

  const update = (change: Partial<AuditFilters>) =>
    setSearch(auditSearchOf({ ...filters, page: 1, ...change }), { replace: true });
  const filtered = auditSearchOf({ ...filters, page: 1 }).size > 0;

  const list = useAudit({
    unit: unit ?? undefined,
    actor_id: filters.actor ?? undefined,
    from: range.from,
    to: range.to,
    page: filters.page,
    perPage: PER_PAGE,
  });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PER_PAGE)) : 1;
  const items = list.data?.items ?? [];
  const zoneOf = (event: AuditEvent) => (event.unit_code ? units.get(event.unit_code)?.time_zone : undefined) ?? zone;

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          {isAdmin && (
            <Select
              label={t('auditLog.filters.unit')}
              placeholder={t('auditLog.filters.allUnits')}
              clearable
              searchable
              value={filters.unit}
              onChange={(value) => update({ unit: value })}
              data={[...units.values()].map((u) => ({ value: u.code, label: `${u.code} · ${u.name}` }))}
              w={{ base: '100%', xs: 280 }}
            />
          )}
          <TextInput
            type="date"
            label={t('auditLog.filters.from')}
            value={filters.from ?? ''}
            onChange={(event) => update({ from: event.currentTarget.value || null })}
            w={{ base: '100%', xs: 170 }}
          />
          <TextInput
            type="date"
            label={t('auditLog.filters.to')}
            value={filters.to ?? ''}
            onChange={(event) => update({ to: event.currentTarget.value || null })}
            w={{ base: '100%', xs: 170 }}
          />
          {filtered && (
            <Button variant="subtle" leftSection={<IconX size={14} aria-hidden />} onClick={() => setSearch(new URLSearchParams(), { replace: true })}>
              {t('auditLog.filters.clear')}
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          {t('auditLog.filters.zone', { zone: describeZone(zone) })}
        </Text>
      </Stack>

      {list.isPending && <Skeleton h={160} />}
      <ErrorAlert error={list.error} />
      {list.data && (
        <Text size="sm" c="dimmed" role="status">
          {items.length === 0 ? t('auditLog.empty') : t('auditLog.total', { count: list.data.total })}
        </Text>
      )}

      {items.length > 0 && (
        <Stack gap="xs" hiddenFrom="sm">
          {items.map((event) => (
            <Card key={event.id} withBorder padding="sm" radius="md" component="article" aria-label={`${formatDateTime(event.at, zoneOf(event))} — ${event.action}`}>
              <Stack gap={6}>
                <Group justify="space-between" gap="xs">
                  <Text size="sm" fw={600}>
                    <time dateTime={event.at}>{formatDateTime(event.at, zoneOf(event))}</time>
                  </Text>
                  <Badge variant="outline" color="gray" size="sm" style={{ textTransform: 'none' }}>
                    {t(`roles.${event.actor_role}`)}
                  </Badge>
                </Group>
                <Action event={event} />
                <Target event={event} />
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {t('auditLog.columns.actor')}: {event.actor_id ?? t('auditLog.unknownActor')}
                  {event.unit_code ? ` · ${t('auditLog.unitLabel', { code: event.unit_code })}` : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('auditLog.columns.address')}: {event.address}
                </Text>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}

      {items.length > 0 && (
        <Table.ScrollContainer minWidth={900} visibleFrom="sm">
          <Table highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('auditLog.columns.at')}</Table.Th>
                <Table.Th scope="col">{t('auditLog.columns.actor')}</Table.Th>
                <Table.Th scope="col">{t('auditLog.columns.action')}</Table.Th>
                <Table.Th scope="col">{t('auditLog.columns.target')}</Table.Th>
                <Table.Th scope="col">{t('auditLog.columns.address')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Td>
                    <Text size="sm">
                      <time dateTime={event.at}>{formatDateTime(event.at, zoneOf(event))}</time>
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Actor event={event} />
                  </Table.Td>
                  <Table.Td>
                    <Action event={event} />
                  </Table.Td>
                  <Table.Td>
                    <Target event={event} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace">
                      {event.address}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Pager total={pages} value={filters.page} onChange={(page) => setSearch(auditSearchOf({ ...filters, page }))} />
    </Stack>
  );
}
