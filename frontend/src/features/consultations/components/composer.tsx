import { ActionIcon, Alert, Button, FileButton, Group, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconPaperclip, IconSend } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';

import { usePostMessage } from '../api/post-message';
import { useUploadAttachment } from '../api/upload-attachment';
import { attachmentTypes, limits } from '../utils/options';
import { useSendTyping } from '../utils/use-typing';

/** Writes messages (Enter sends, Shift+Enter starts a new line) and attaches files. */
export function Composer({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const post = usePostMessage();
  const upload = useUploadAttachment();
  const sendTyping = useSendTyping(consultationId);
  const busy = post.isPending || upload.isPending;

  const send = () => {
    const text = body.trim();
    if (!text || busy) return;
    upload.reset();
    post.mutate({ consultationId, body: text }, { onSuccess: () => setBody('') });
  };

  const attach = (file: File | null) => {
    setFileError(null);
    if (!file) return;
    if (file.size > limits.attachmentBytes) {
      setFileError(t('consultations.messages.tooLarge'));
      return;
    }
    post.reset();
    const text = body.trim();
    upload.mutate(
      { consultationId, file, message: text || undefined },
      { onSuccess: () => setBody('') },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <Stack gap="xs">
      <Textarea
        label={t('consultations.messages.label')}
        placeholder={t('consultations.messages.placeholder')}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={limits.message.maxLength}
        value={body}
        onChange={(event) => {
          setBody(event.currentTarget.value);
          sendTyping();
        }}
        onKeyDown={onKeyDown}
      />
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <FileButton onChange={attach} accept={attachmentTypes.join(',')}>
            {(props) => (
              <Tooltip label={t('consultations.messages.attachHint')}>
                <ActionIcon
                  {...props}
                  variant="default"
                  size="lg"
                  aria-label={t('consultations.messages.attach')}
                  loading={upload.isPending}
                  disabled={busy}
                >
                  <IconPaperclip size={18} />
                </ActionIcon>
              </Tooltip>
            )}
          </FileButton>
          <Text size="xs" c="dimmed" visibleFrom="xs" truncate>
            {upload.isPending && upload.variables
              ? t('consultations.messages.uploading', { name: upload.variables.file.name })
              : t('consultations.messages.attachHint')}
          </Text>
        </Group>
        <Button onClick={send} loading={post.isPending} disabled={!body.trim() || upload.isPending} rightSection={<IconSend size={16} />}>
          {t('consultations.messages.send')}
        </Button>
      </Group>
      {fileError && (
        <Alert color="red" role="alert" py="xs">
          {fileError}
        </Alert>
      )}
      <ErrorAlert error={post.error ?? upload.error} />
    </Stack>
  );
}
