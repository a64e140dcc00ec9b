import { Card, Skeleton, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';

import { useWalkinDesks } from '../api/get-desks';
import { useWalkinServices } from '../api/get-services';

import { DeskEditor } from './desk-editor';
import { ServiceEditor } from './service-editor';

function Section({ id, title, lead, children }: { id: string; title: string; lead: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {lead}
      </Text>
      {children}
    </Card>
  );
}

/** The supervisor's setup of the unit's walk-in services and desks, each list saved on its own. */
export function WalkinSetup({ unitCode }: { unitCode: string }) {
  const { t } = useTranslation();
  const services = useWalkinServices(unitCode);
  const desks = useWalkinDesks(unitCode);
  return (
    <>
      <Section id="walkin-setup-services" title={t('walkin.setup.servicesTitle')} lead={t('walkin.setup.servicesLead')}>
        {services.data ? (
          <ServiceEditor unitCode={unitCode} services={services.data} />
        ) : services.error ? (
          <ErrorAlert error={services.error} />
        ) : (
          <Skeleton h={200} />
        )}
      </Section>
      <Section id="walkin-setup-desks" title={t('walkin.setup.desksTitle')} lead={t('walkin.setup.desksLead')}>
        {desks.data && services.data ? (
          <DeskEditor unitCode={unitCode} desks={desks.data} services={services.data} />
        ) : desks.error ? (
          <ErrorAlert error={desks.error} />
        ) : (
          <Skeleton h={200} />
        )}
      </Section>
    </>
  );
}
