import { ActionIcon, Group, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type EditorRowHeaderProps = {
  label: string;
  active: boolean;
  index: number;
  count: number;
  /** Saved rows are switched off, never removed: only a new row has a remove button. */
  saved: boolean;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
};

/** A row of the walk-in setup lists: its name, whether it is off, and move up / down / remove. */
export function EditorRowHeader({ label, active, index, count, saved, onMove, onRemove }: EditorRowHeaderProps) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mb={4} wrap="nowrap">
      <Text fw={600} size="sm">
        {label}
        {!active && (
          <Text span c="dimmed" size="sm">
            {' '}
            · {t('walkin.setup.inactive')}
          </Text>
        )}
      </Text>
      <Group gap={4} wrap="nowrap">
        <ActionIcon variant="subtle" color="gray" disabled={index === 0} aria-label={t('walkin.setup.moveUp', { name: label })} onClick={() => onMove(index, index - 1)}>
          <IconArrowUp size={18} />
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          color="gray"
          disabled={index === count - 1}
          aria-label={t('walkin.setup.moveDown', { name: label })}
          onClick={() => onMove(index, index + 1)}
        >
          <IconArrowDown size={18} />
        </ActionIcon>
        {!saved && (
          <ActionIcon variant="subtle" color="red" aria-label={t('walkin.setup.remove', { name: label })} onClick={onRemove}>
            <IconTrash size={18} />
          </ActionIcon>
        )}
      </Group>
    </Group>
  );
}
