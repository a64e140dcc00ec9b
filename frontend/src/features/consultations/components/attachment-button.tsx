import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { useErrorMessage } from '@/lib/api/use-error-message';
import type { Attachment } from '@/lib/api/types';

import { useDownloadAttachment } from '../api/download-attachment';

function size(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Downloads an attachment with the user's token (a plain link would not carry it). */
export function AttachmentButton({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const download = useDownloadAttachment();
  return (
    <Button
      variant="default"
      size="compact-sm"
      leftSection={<IconPaperclip size={14} />}
      loading={download.isPending}
      aria-label={t('consultations.messages.download', { name: attachment.file_name })}
      onClick={() =>
        download.mutate(attachment, {
          onError: (error) => notifications.show({ color: 'red', message: describeError(error) }),
        })
      }
      styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
      h="auto"
      py={4}
    >
      {attachment.file_name} ({size(attachment.size_bytes)})
    </Button>
  );
}
