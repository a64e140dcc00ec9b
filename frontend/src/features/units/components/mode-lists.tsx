import { Badge, List, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { ByMode } from '@/lib/api/types';

import { modes } from '../utils/standard-parts';


function Items({ items, ordered }: { items: string[]; ordered: boolean }) {
  return (
    <List type={ordered ? 'ordered' : 'unordered'} spacing="xs" size="sm" pl={4}>
      {items.map((item, index) => (
        <List.Item key={index}>{item}</List.Item>
      ))}
    </List>
  );
}

type ModeListsProps = { byMode: ByMode; ordered?: boolean };

/** Online and walk-in variants of a list; a mode the unit does not offer is not shown at all. */
export function ModeLists({ byMode, ordered = false }: ModeListsProps) {
  const { t } = useTranslation();
  const present = modes.filter((mode) => byMode[mode].length > 0);
  const [first] = present;
  if (!first) return null;
  if (present.length === 1) {
    return (
      <Stack gap="sm">
        <Badge variant="light" color={first === 'online' ? 'blue' : 'teal'}>
          {t(`standard.modes.${first}`)}
        </Badge>
        <Items items={byMode[first]} ordered={ordered} />
      </Stack>
    );
  }
  return (
    <Tabs defaultValue={first}>
      <Tabs.List mb="md">
        {present.map((mode) => (
          <Tabs.Tab key={mode} value={mode}>
            {t(`standard.modes.${mode}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {present.map((mode) => (
        <Tabs.Panel key={mode} value={mode}>
          <Items items={byMode[mode]} ordered={ordered} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
