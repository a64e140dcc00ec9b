import { useParams } from 'react-router';

import { useUnit } from '@/features/units/api/get-unit';
import { BoardView } from '@/features/walkin/components/board-view';

/** The display board of a unit, full screen for a TV (no login). */
export function WalkinBoardRoute() {
  const { code = '' } = useParams();
  const unit = useUnit(code);
  return <BoardView unitCode={code} unitName={unit.data?.name ?? code} />;
}
