import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { useTypingIndicator } from '../utils/use-typing';

/** "Petugas sedang mengetik…" while someone else in the conversation types. */
export function TypingIndicator({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const typist = useTypingIndicator(consultationId);
  return (
    <Text size="xs" c="dimmed" fs="italic" mih={18} aria-live="polite">
      {typist &&
        (typist.role === 'public' ? t('consultations.messages.typingPublic') : t('consultations.messages.typingStaff'))}
    </Text>
  );
}
