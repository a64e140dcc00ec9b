import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type PagerProps = {
  total: number;
  value: number;
  onChange: (page: number) => void;
};

/**
 * Page numbers under a list. Mantine's arrows are icons only: each control gets a
 * name a screen reader can say, and the current page is marked as such.
 */
export function Pager({ total, value, onChange }: PagerProps) {
  const { t } = useTranslation();
  if (total <= 1) return null;
  return (
    <nav aria-label={t('common.pager.label')}>
      <Pagination
        total={total}
        value={value}
        onChange={onChange}
        size="sm"
        getControlProps={(control) => ({ 'aria-label': t(`common.pager.${control}`) })}
        getItemProps={(page) => ({
          'aria-label': t('common.pager.page', { page }),
          'aria-current': page === value ? 'page' : undefined,
        })}
      />
    </nav>
  );
}
