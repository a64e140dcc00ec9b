import { ActionIcon, Alert, Button, FileButton, Group, SegmentedControl, Stack, Text, Textarea, Tooltip, useCombobox } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconNote, IconPaperclip, IconSend } from '@tabler/icons-react';
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';

import { usePostMessage } from '../api/post-message';
import { useUploadAttachment } from '../api/upload-attachment';
import { attachmentTypes, limits } from '../utils/options';
import { useSendTyping } from '../utils/use-typing';

import { slashAt } from '../utils/slash';

import { TemplatePicker } from './template-picker';

type ComposerProps = {
  consultationId: string;
  /** May answer the person who asked (and attach files). */
  canReply: boolean;
  /** May write internal notes for the unit's staff (and use the answer templates). */
  canNote: boolean;
};

type Mode = 'reply' | 'note';

/**
 * A phone or a tablet: its on-screen keyboard's Enter key starts a new line, and the button sends.
 * A narrow window counts too, so that what the placeholder says holds wherever it shows.
 */
const touchWriting = '(max-width: 48em), (pointer: coarse)';

/**
 * Writes messages (on a desktop Enter sends and Shift+Enter starts a new line; on a phone Enter
 * starts a new line and the button sends) and attaches files; staff switch to
 * an internal note, which only the unit's staff see and which sends no typing notice, and type
 * `/` to put in an answer template filled for the consultation, to edit before sending.
 */
export function Composer({ consultationId, canReply, canNote }: ComposerProps) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Mode>('reply');
  const mode: Mode = canReply && (!canNote || chosen === 'reply') ? 'reply' : 'note';
  const noting = mode === 'note';
  const [body, setBody] = useState('');
  const [caret, setCaret] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const nextCaret = useRef<number | null>(null);
  const picker = useCombobox();
  const slash = canNote ? slashAt(body, caret) : null;
  const [fileError, setFileError] = useState<string | null>(null);
  const post = usePostMessage();
  const upload = useUploadAttachment();
  const sendTyping = useSendTyping(consultationId);
  const busy = post.isPending || upload.isPending;
  const touch = useMediaQuery(touchWriting, undefined, { getInitialValueInEffect: false });

  const send = () => {
    const text = body.trim();
    if (!text || busy) return;
    upload.reset();
    post.mutate(
      { consultationId, body: text, visibility: noting ? 'internal' : 'public' },
      { onSuccess: () => setBody('') },
    );
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

  // After a template is put in, the caret goes to its end.
  useLayoutEffect(() => {
    if (nextCaret.current === null || !box.current) return;
    box.current.setSelectionRange(nextCaret.current, nextCaret.current);
    nextCaret.current = null;
  }, [body]);

  const pick = (filled: string) => {
    if (!slash) return;
    const next = body.slice(0, slash.start) + filled + body.slice(caret);
    nextCaret.current = slash.start + filled.length;
    setCaret(nextCaret.current);
    setBody(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter takes the template chosen in the open list instead of sending.
    if (picker.dropdownOpened && picker.getSelectedOptionIndex() !== -1) return;
    // On a phone Enter starts a new line, as its keyboard shows; the button sends.
    if (touch) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };

  return (
    <Stack gap="xs">
      {canReply && canNote && (
        <SegmentedControl
          aria-label={t('consultations.messages.mode')}
          value={mode}
          onChange={(value) => setChosen(value === 'note' ? 'note' : 'reply')}
          data={[
            { value: 'reply', label: t('consultations.messages.reply') },
            { value: 'note', label: t('consultations.messages.note') },
          ]}
          color={noting ? 'yellow.4' : 'blue'}
          autoContrast
          style={{ alignSelf: 'flex-start' }}
        />
      )}
      <TemplatePicker store={picker} consultationId={consultationId} query={slash?.q ?? null} onPick={pick}>
      <Textarea
        ref={box}
        label={noting ? t('consultations.messages.noteLabel') : t('consultations.messages.label')}
        description={noting ? t('consultations.messages.noteHint') : canNote ? t('consultations.messages.templatesHint') : undefined}
        placeholder={
          noting
            ? t(touch ? 'consultations.messages.notePlaceholderTouch' : 'consultations.messages.notePlaceholder')
            : t(touch ? 'consultations.messages.placeholderTouch' : 'consultations.messages.placeholder')
        }
        styles={noting ? { input: { backgroundColor: 'var(--mantine-color-yellow-0)', borderColor: 'var(--mantine-color-yellow-7)' } } : undefined}
        autosize
        minRows={2}
        maxRows={8}
        maxLength={limits.message.maxLength}
        value={body}
        onChange={(event) => {
          setBody(event.currentTarget.value);
          setCaret(event.currentTarget.selectionStart);
          if (!noting) sendTyping();
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      </TemplatePicker>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          {!noting && (
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
          )}
          {!noting && (
            <Text size="xs" c="dimmed" visibleFrom="xs" truncate>
              {upload.isPending && upload.variables
                ? t('consultations.messages.uploading', { name: upload.variables.file.name })
                : t('consultations.messages.attachHint')}
            </Text>
          )}
        </Group>
        <Button
          onClick={send}
          loading={post.isPending}
          disabled={!body.trim() || upload.isPending}
          color={noting ? 'yellow.4' : undefined}
          autoContrast
          rightSection={noting ? <IconNote size={16} /> : <IconSend size={16} />}
        >
          {noting ? t('consultations.messages.saveNote') : t('consultations.messages.send')}
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
