import { Combobox, Group, Text, type ComboboxStore } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { useConsultationTemplates } from '../api/get-consultation-templates';

type TemplatePickerProps = {
  store: ComboboxStore;
  consultationId: string;
  /** The shortcut typed so far after `/`, or null when none is being typed. */
  query: string | null;
  onPick: (filled: string) => void;
  /** The composer's text box. */
  children: ReactNode;
};

/**
 * Offers the unit's and the national answer templates, filled for the consultation, while a
 * `/shortcut` is typed; arrows choose, Enter or a click puts the filled text in place of it.
 */
export function TemplatePicker({ store, consultationId, query, onPick, children }: TemplatePickerProps) {
  const { t } = useTranslation();
  const templates = useConsultationTemplates(consultationId, query ?? '', query !== null);
  const items = query !== null ? (templates.data ?? []) : [];
  const open = query !== null && templates.isSuccess;

  useEffect(() => {
    if (!open) {
      store.closeDropdown();
      return;
    }
    store.openDropdown();
    // The first match is the one Enter takes.
    requestAnimationFrame(() => store.selectFirstOption());
  }, [open, query, items.length, store]);

  return (
    <Combobox
      store={store}
      withinPortal={false}
      position="top-start"
      onOptionSubmit={(id) => {
        const chosen = items.find((item) => item.id === id);
        if (chosen) onPick(chosen.filled);
        store.closeDropdown();
      }}
    >
      <Combobox.Target>{children}</Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Header>
          <Text size="xs" fw={700}>
            {t('consultations.messages.templates')}
          </Text>
        </Combobox.Header>
        <Combobox.Options mah={280} style={{ overflowY: 'auto' }} aria-label={t('consultations.messages.templates')}>
          {items.length === 0 ? (
            <Combobox.Empty>{t('consultations.messages.noTemplates', { q: query ?? '' })}</Combobox.Empty>
          ) : (
            items.map((item) => (
              <Combobox.Option key={item.id} value={item.id} aria-label={`${item.title} /${item.shortcut}`}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={600} truncate>
                    {item.title}
                  </Text>
                  {/* The option's own colours (the chosen one is white on blue): no grey of their own. */}
                  <Text span size="xs" ff="monospace">
                    /{item.shortcut}
                  </Text>
                </Group>
                <Text size="xs" lineClamp={2}>
                  {item.filled}
                </Text>
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
