import { Badge, Group } from '@mantine/core';
import { IconBuilding, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { isCategory } from '@/lib/api/categories';
import type { ArticleStatus } from '@/lib/api/types';

const plain = { textTransform: 'none' } as const;

const statusColors: Record<ArticleStatus, string> = { draft: 'yellow', published: 'green', archived: 'gray' };

type ArticleBadgesProps = {
  category: string;
  /** The unit's name; null for a national article. */
  unitName: string | null;
  /** Shown only when it is not simply published. */
  status?: ArticleStatus;
};

/** What an article is about and whose it is: the category, and the unit or "Nasional". */
export function ArticleBadges({ category, unitName, status }: ArticleBadgesProps) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      {status && status !== 'published' && (
        <Badge color={statusColors[status]} variant="filled" style={plain}>
          {t(`knowledge.status.${status}`)}
        </Badge>
      )}
      <Badge variant="light" style={plain}>
        {isCategory(category) ? t(`consultations.categories.${category}.label`) : category}
      </Badge>
      <Badge
        variant="light"
        color={unitName ? 'teal' : 'grape'}
        style={plain}
        leftSection={unitName ? <IconBuilding size={12} aria-hidden /> : <IconWorld size={12} aria-hidden />}
      >
        {unitName ?? t('knowledge.national')}
      </Badge>
    </Group>
  );
}
