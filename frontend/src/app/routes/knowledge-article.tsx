import { useLocation, useParams } from 'react-router';

import { ArticleDetail } from '@/features/knowledge/components/article-detail';
import { useUser } from '@/lib/auth/get-me';

import { UnitsGate } from './units-gate';

/** One article; dated on its unit's clock. */
export function KnowledgeArticleRoute() {
  const { slug = '' } = useParams();
  const { user } = useUser();
  const location = useLocation();
  const state = location.state as { search?: unknown } | null;
  const fromSearch = typeof state?.search === 'string' ? state.search : '';
  return (
    <UnitsGate>
      {(units) => <ArticleDetail key={slug} slug={slug} units={units} viewer={user} fromSearch={fromSearch} />}
    </UnitsGate>
  );
}
