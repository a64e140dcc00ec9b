import { Anchor, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconBrandWhatsapp,
  IconForms,
  IconMail,
  IconMailbox,
  IconMessageCircle,
  IconPhone,
  IconShare,
  IconSpeakerphone,
  IconWorld,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { ComplaintChannel, ComplaintChannelKind } from '@/lib/api/types';

import { complaintChannelHref } from '../utils/links';

const icons: Record<ComplaintChannelKind, ReactNode> = {
  in_person: <IconMailbox size={18} />,
  website: <IconWorld size={18} />,
  email: <IconMail size={18} />,
  phone: <IconPhone size={18} />,
  whatsapp: <IconBrandWhatsapp size={18} />,
  social_media: <IconShare size={18} />,
  lapor: <IconSpeakerphone size={18} />,
  form: <IconForms size={18} />,
  other: <IconMessageCircle size={18} />,
};

export function ComplaintChannelList({ channels }: { channels: ComplaintChannel[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {channels.map((channel, index) => {
        const href = complaintChannelHref(channel);
        const kind = t(`standard.channels.${channel.channel}`);
        // "Email (Email)" says nothing twice: name the kind only when the label does not.
        const showKind = kind.toLowerCase() !== channel.label.trim().toLowerCase();
        const external = href?.startsWith('http');
        return (
          <Group key={index} component="li" gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" color="orange" radius="xl" aria-hidden>
              {icons[channel.channel]}
            </ThemeIcon>
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {channel.label}
                {showKind && (
                  <Text span size="xs" c="dimmed" fw={400}>
                    {' '}({kind})
                  </Text>
                )}
              </Text>
              {href ? (
                <Anchor
                  href={href}
                  size="sm"
                  style={{ overflowWrap: 'anywhere' }}
                  {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
                >
                  {channel.value}
                </Anchor>
              ) : (
                <Text size="sm">{channel.value}</Text>
              )}
            </div>
          </Group>
        );
      })}
    </Stack>
  );
}
