import { Badge, Box, Button, Card, Grid, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconVolume, IconVolumeOff } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { useNow } from '@/lib/hooks/use-now';
import type { BoardCall } from '@/lib/api/types';
import type { SocketFactory } from '@/lib/realtime/client';

import { useBoard } from '../api/get-board';
import { useWalkinDesks } from '../api/get-desks';
import { useWalkinServices } from '../api/get-services';
import { createAnnouncer, type Announcer } from '../utils/announce';
import { formatClock, formatLongDate } from '../utils/format';
import { useBoardFeed } from '../utils/use-board-feed';
import { voiceLine } from '../utils/voice-line';

import { LiveBadge } from './live-badge';

type BoardViewProps = { unitCode: string; unitName: string; createSocket?: SocketFactory };

const callKey = (call: BoardCall | undefined) => (call ? `${call.number}|${call.desk_code}|${call.called_at}` : '');

function Clock({ timeZone }: { timeZone: string }) {
  const now = useNow(1_000);
  return (
    <Stack gap={0} align="flex-end">
      <Text fz={{ base: 28, md: 44 }} fw={700} ff="monospace" lh={1.1}>
        {formatClock(now, timeZone)}
      </Text>
      <Text c="gray.4">{formatLongDate(now, timeZone)}</Text>
    </Stack>
  );
}

/**
 * The unit's display board for a TV in the waiting room: who is called to which desk, the last
 * calls and how many wait per service, live from the board's WebSocket. Each new call chimes and
 * is read aloud once a person has switched the sound on (browsers need that click).
 */
export function BoardView({ unitCode, unitName, createSocket }: BoardViewProps) {
  const { t } = useTranslation();
  const board = useBoard(unitCode);
  const services = useWalkinServices(unitCode);
  const desks = useWalkinDesks(unitCode);
  const status = useBoardFeed(unitCode, { createSocket });
  const [soundOn, setSoundOn] = useState(false);
  const announcer = useRef<Announcer | null>(null);
  const lastCall = useRef<string | null>(null);

  const latest = board.data?.recent_calls[0];
  const latestKey = callKey(latest);
  useEffect(() => {
    if (!board.data) return;
    // The board as it stood when the page opened is not news: only calls after it are announced.
    if (lastCall.current !== null && latestKey !== lastCall.current && latest && soundOn) {
      announcer.current?.announce(voiceLine(latest.number, latest.desk));
    }
    lastCall.current = latestKey;
  }, [board.data, latestKey, latest, soundOn]);

  useEffect(() => () => announcer.current?.close(), []);

  const toggleSound = () => {
    if (!soundOn) {
      announcer.current ??= createAnnouncer();
      announcer.current.unlock();
    }
    setSoundOn(!soundOn);
  };

  const timeZone = board.data?.time_zone ?? 'Asia/Jakarta';
  const serviceName = (code: string) => services.data?.find((s) => s.code === code)?.name ?? code;
  const serving = board.data?.now_serving ?? [];
  const deskList = desks.data?.filter((d) => d.active) ?? [];
  const deskCards = deskList.length > 0
    ? deskList.map((d) => ({ code: d.code, name: d.name, call: serving.find((c) => c.desk_code === d.code) }))
    : serving.map((c) => ({ code: c.desk_code, name: c.desk, call: c }));

  return (
    <Box bg="dark.8" c="white" mih="100vh" p={{ base: 'md', md: 'xl' }} component="main">
      <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
        <div>
          <Title order={1} fz={{ base: 26, md: 40 }}>
            {t('walkin.board.title')}
          </Title>
          <Text c="gray.4" fz={{ base: 'md', md: 'xl' }}>
            {unitName}
          </Text>
        </div>
        <Group gap="lg" align="center">
          <Stack gap={6} align="flex-end">
            <Button
              variant={soundOn ? 'filled' : 'white'}
              color={soundOn ? 'blue' : 'dark'}
              leftSection={soundOn ? <IconVolume size={18} /> : <IconVolumeOff size={18} />}
              onClick={toggleSound}
              aria-pressed={soundOn}
            >
              {soundOn ? t('walkin.board.soundOn') : t('walkin.board.soundOff')}
            </Button>
            <LiveBadge status={status} c="gray.3" />
          </Stack>
          <Clock timeZone={timeZone} />
        </Group>
      </Group>

      <ErrorAlert error={board.error} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Box component="section" aria-labelledby="board-now-serving">
          <Title order={2} id="board-now-serving" fz={{ base: 22, md: 30 }} mb="sm">
            {t('walkin.board.nowServing')}
          </Title>
          {board.isPending ? (
            <Skeleton h={200} />
          ) : deskCards.length === 0 ? (
            <Text c="gray.3" fz="xl">{t('walkin.board.noDesks')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="md">
              {deskCards.map(({ code, name, call }) => (
                <Card key={code} radius="md" padding="lg" bg={call && callKey(call) === latestKey ? 'blue.9' : 'dark.6'} c="white" aria-label={name}>
                  <Text fz={{ base: 22, md: 30 }} fw={600}>
                    {name}
                  </Text>
                  <Text fz={{ base: 64, md: 96 }} fw={800} lh={1} ff="monospace" my="xs">
                    {call?.number ?? '—'}
                  </Text>
                  <Text c="gray.3" fz="lg">
                    {call ? `${serviceName(call.service)} · ${t(`walkin.status.${call.status}`)}` : t('walkin.board.deskFree')}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
          )}
          </Box>
        </Grid.Col>

        <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="lg">
          <Card radius="md" padding="lg" bg="dark.6" c="white" component="section" aria-labelledby="board-latest">
            <Title order={2} id="board-latest" fz={{ base: 20, md: 26 }}>
              {t('walkin.board.latestCall')}
            </Title>
            <div aria-live="polite" aria-atomic="true">
              {latest ? (
                <>
                  <Text fz={{ base: 48, md: 64 }} fw={800} ff="monospace" lh={1.1} mt="xs">
                    {latest.number}
                  </Text>
                  <Text fz="xl" fw={600}>
                    {t('walkin.board.goTo', { desk: latest.desk })}
                  </Text>
                  <Text c="gray.3" mt="xs" fs="italic" data-testid="voice-line">
                    “{voiceLine(latest.number, latest.desk)}”
                  </Text>
                </>
              ) : (
                <Text c="gray.3" mt="xs">
                  {t('walkin.board.noCalls')}
                </Text>
              )}
            </div>
          </Card>

          <Card radius="md" padding="lg" bg="dark.6" c="white" component="section" aria-labelledby="board-recent">
            <Title order={2} id="board-recent" fz={{ base: 20, md: 26 }} mb="xs">
              {t('walkin.board.recentCalls')}
            </Title>
            {(board.data?.recent_calls.length ?? 0) <= 1 ? (
              <Text c="gray.3">{t('walkin.board.noEarlierCalls')}</Text>
            ) : (
              <Stack gap={6} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {board.data?.recent_calls.slice(1, 6).map((call) => (
                  <Group key={callKey(call)} justify="space-between" component="li">
                    <Text fz="xl" fw={700} ff="monospace">
                      {call.number}
                    </Text>
                    <Text fz="lg" c="gray.2">
                      {call.desk}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )}
          </Card>

          <Card radius="md" padding="lg" bg="dark.6" c="white" component="section" aria-labelledby="board-waiting">
            <Title order={2} id="board-waiting" fz={{ base: 20, md: 26 }} mb="xs">
              {t('walkin.board.waiting')}
            </Title>
            <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {Object.entries(board.data?.waiting ?? {}).map(([code, count]) => (
                <Group key={code} justify="space-between" component="li" wrap="nowrap">
                  <Text fz="lg">{serviceName(code)}</Text>
                  <Badge size="xl" color={count > 0 ? 'blue' : 'gray'} variant="filled" aria-label={t('walkin.board.waitingCount', { count })}>
                    {count}
                  </Badge>
                </Group>
              ))}
            </Stack>
          </Card>
        </Stack>
        </Grid.Col>
      </Grid>
    </Box>
  );
}
