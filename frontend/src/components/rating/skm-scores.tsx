import { Badge, Group, SimpleGrid, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { Scores } from '@/lib/api/types';

import { answerKey, isLowScore, skmElements } from './skm';

/** The nine scores with the element names and the questionnaire's answers, read back. */
export function SkmScoreList({ scores }: { scores: Scores }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl" verticalSpacing={6} component="dl" m={0}>
      {skmElements.map((element, index) => (
        <Group key={element} justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" component="dt">
            {`${index + 1}. ${t(`consultations.rating.elements.${element}`)}`}
          </Text>
          <Text
            size="sm"
            fw={600}
            component="dd"
            m={0}
            c={isLowScore(scores[element]) ? 'red.9' : undefined}
            ta="right"
          >
            {`${t(answerKey(element, scores[element]))} (${scores[element]})`}
          </Text>
        </Group>
      ))}
    </SimpleGrid>
  );
}

/** The nine scores in one line of small badges (U1 4 …), the low ones in red; screen readers hear them in words. */
export function SkmScoreStrip({ scores }: { scores: Scores }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('ratingDesk.skm.scoresLabel')}>
      {skmElements.map((element) => {
        const score = scores[element];
        const low = isLowScore(score);
        return (
          <li key={element}>
            <Badge
              size="sm"
              radius="sm"
              variant={low ? 'filled' : 'light'}
              color={low ? 'red.9' : 'gray'}
              style={{ textTransform: 'none' }}
              title={`${t(`consultations.rating.elements.${element}`)}: ${t(answerKey(element, score))}`}
            >
              <span aria-hidden>{`${element.toUpperCase()} ${score}`}</span>
              <VisuallyHidden>
                {t('ratingDesk.skm.scoreLine', {
                  element: t(`consultations.rating.elements.${element}`),
                  answer: t(answerKey(element, score)),
                  score,
                })}
              </VisuallyHidden>
            </Badge>
          </li>
        );
      })}
    </Group>
  );
}
