import { useSearchParams } from 'react-router';

import type { Me, Unit } from '@/lib/api/types';

import type { RatingFilters as Filters } from '../api/query-keys';
import { filtersFromSearch, pageFromSearch, searchFromFilters } from '../utils/filters';
import { readableUnits } from '../utils/permissions';

import { RatingFilters } from './rating-filters';
import { RatingList } from './rating-list';

const PER_PAGE = 20;

type RatingsDeskProps = { viewer: Me; units: ReadonlyMap<string, Unit> };

/**
 * The unit's ratings with their follow-up state. The filters live in the URL, so a report's
 * figure links straight to its ratings and a reload or a shared link keeps them.
 */
export function RatingsDesk({ viewer, units }: RatingsDeskProps) {
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const page = pageFromSearch(search);
  const readable = readableUnits(viewer, units);
  const change = (next: Filters, nextPage = 1) => setSearch(searchFromFilters(next, nextPage), { replace: true });
  return (
    <>
      <RatingFilters value={filters} onChange={(next) => change(next)} units={readable} />
      <RatingList
        query={{ ...filters, page, perPage: PER_PAGE }}
        onPage={(next) => change(filters, next)}
        units={units}
        showUnit={readable.length > 1}
      />
    </>
  );
}
