import { Anchor, Group, Stack, Text } from '@mantine/core';
import { IconMail, IconMapPin, IconPhone, IconPrinter, IconWorld } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { mailHref, telHref, webHref } from '../utils/links';
import type { Contacts } from '../utils/standard-parts';


function Row({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Text c="dimmed" mt={2} aria-hidden>
        {icon}
      </Text>
      <div style={{ minWidth: 0 }}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
          {children}
        </Text>
      </div>
    </Group>
  );
}

function MaybeLink({ href, children, external = false }: { href: string | null; children: string; external?: boolean }) {
  if (!href) return children;
  return (
    <Anchor href={href} inherit {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
      {children}
    </Anchor>
  );
}

export function ContactList({ contacts }: { contacts: Contacts }) {
  const { t } = useTranslation();
  const { address, phone, fax, website, email } = contacts;
  return (
    <Stack gap="sm">
      {address && (
        <Row icon={<IconMapPin size={18} />} label={t('standard.address')}>
          {address}
        </Row>
      )}
      {phone && (
        <Row icon={<IconPhone size={18} />} label={t('standard.phone')}>
          <MaybeLink href={telHref(phone)}>{phone}</MaybeLink>
        </Row>
      )}
      {fax && (
        <Row icon={<IconPrinter size={18} />} label={t('standard.fax')}>
          {fax}
        </Row>
      )}
      {website && (
        <Row icon={<IconWorld size={18} />} label={t('standard.website')}>
          <MaybeLink href={webHref(website)} external>
            {website}
          </MaybeLink>
        </Row>
      )}
      {email && (
        <Row icon={<IconMail size={18} />} label={t('standard.email')}>
          <MaybeLink href={mailHref(email)}>{email}</MaybeLink>
        </Row>
      )}
    </Stack>
  );
}
