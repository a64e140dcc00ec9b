import { Button, Checkbox, Group, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBookUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { requestLimits } from '@/lib/api/limits.gen';
import type { Article, Message } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';

import { usePromoteConsultation } from '../api/promote-consultation';

const limits = requestLimits.PromoteRequest.message_ids;

type PromoteButtonProps = {
  consultationId: string;
  /** The conversation, to choose the final answer from. */
  messages: Message[];
  timeZone: string;
  onPromoted: (article: Article) => void;
};

/**
 * Turns an answered consultation into a draft article. The officer may tick the messages that make
 * the final answer; all of the officers' messages are ticked at first (the API's own default).
 */
export function PromoteButton({ consultationId, messages, timeZone, onPromoted }: PromoteButtonProps) {
  const { t } = useTranslation();
  const promote = usePromoteConsultation();
  const [opened, setOpened] = useState(false);
  // Internal notes never reach an article (the API refuses them too).
  const answers = messages.filter((m) => m.sender_role !== 'public' && m.visibility === 'public' && m.body.trim() !== '');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const selected = chosen ?? answers.map((m) => m.id);
  const everything = selected.length === answers.length;
  // Ticking them all sends no list (the API's default), so only a partial choice is bounded.
  const tooMany = !everything && selected.length > limits.maxItems;

  const submit = () =>
    promote.mutate(
      // Every officer message ticked is what the API does when it is told nothing.
      { consultationId, messageIds: everything ? undefined : selected },
      { onSuccess: (article) => onPromoted(article) },
    );

  return (
    <>
      <div>
        <Button fullWidth variant="light" color="grape" leftSection={<IconBookUpload size={16} />} onClick={() => setOpened(true)}>
          {t('knowledge.promote.button')}
        </Button>
        <Text size="xs" c="dimmed" mt={4}>
          {t('knowledge.promote.hint')}
        </Text>
      </div>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('knowledge.promote.title')} size="lg" centered>
        <Stack gap="md">
          <Text size="sm">{t('knowledge.promote.lead')}</Text>
          {answers.length > 0 ? (
            <Checkbox.Group label={t('knowledge.promote.choose')} value={selected} onChange={setChosen}>
              <ScrollArea.Autosize mah={360} mt="xs">
                <Stack gap="xs">
                  {answers.map((m) => (
                    <Checkbox.Card key={m.id} value={m.id} radius="md" p="sm" withBorder aria-label={m.body.slice(0, 120)}>
                      <Stack gap={2} style={{ flex: 1 }}>
                        <Group gap={8} wrap="nowrap">
                          <Checkbox.Indicator />
                          <Text size="xs" c="dimmed">
                            {m.sender_name} · {formatDateTime(m.created_at, timeZone)}
                          </Text>
                        </Group>
                        <Text size="sm" lineClamp={4} style={{ whiteSpace: 'pre-wrap' }}>
                          {m.body}
                        </Text>
                      </Stack>
                    </Checkbox.Card>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            </Checkbox.Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('knowledge.promote.noMessages')}
            </Text>
          )}
          {tooMany && (
            <Text size="sm" c="red" role="alert">
              {t('knowledge.promote.tooMany', { max: limits.maxItems })}
            </Text>
          )}
          <ErrorAlert error={promote.error} />
          <Button
            onClick={submit}
            loading={promote.isPending}
            disabled={(answers.length > 0 && selected.length < limits.minItems) || tooMany}
            leftSection={<IconBookUpload size={16} />}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('knowledge.promote.submit')}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
