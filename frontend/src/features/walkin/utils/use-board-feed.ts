import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';

import type { Board } from '@/lib/api/types';
import type { SocketFactory } from '@/lib/realtime/client';
import { openFeed, socketUrl, type FeedStatus } from '@/lib/realtime/feed';

import { walkinKeys } from '../api/query-keys';

import { boardFromFrame } from './live-events';

/**
 * Keeps the unit's board current from its WebSocket (no login), and calls `onBoard` with each
 * board pushed; the console uses that to refetch the tickets the board summarises.
 */
export function useBoardFeed(unitCode: string, { createSocket, onBoard }: { createSocket?: SocketFactory; onBoard?: (board: Board) => void } = {}) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<FeedStatus>('connecting');
  const latestOnBoard = useRef(onBoard);
  useEffect(() => {
    latestOnBoard.current = onBoard;
  });
  useEffect(
    () =>
      openFeed({
        url: socketUrl(`/api/v1/units/${encodeURIComponent(unitCode)}/walkin/board/live`),
        createSocket,
        onStatus: setStatus,
        onMessage: (frame) => {
          const board = boardFromFrame(frame, unitCode);
          if (!board) return;
          queryClient.setQueryData(walkinKeys.board(unitCode), board);
          latestOnBoard.current?.(board);
        },
      }),
    [unitCode, createSocket, queryClient],
  );
  return status;
}
