import { Alert, Button, Card, Group, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { requestLimits } from '@/lib/api/limits.gen';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { Rating, Scores } from '@/lib/api/types';
import { lengthProblem } from '@/lib/validation';

import { useRateConsultation } from '../api/rate-consultation';
import { skmElements, skmScores } from '../utils/options';

type Element = (typeof skmElements)[number];
type Values = { scores: Record<Element, string | null>; comment: string };

const fields = [...skmElements.map((e) => `scores.${e}`), 'comment'];
const limits = requestLimits.RatingRequest;

/** After rating: thanks, and no way to rate twice. */
function RatedNotice({ justNow }: { justNow: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="green" icon={<IconHeartHandshake />} title={justNow ? t('consultations.rating.thanks') : undefined} role="status">
      {justNow ? t('consultations.rating.thanksBody') : t('consultations.rating.rated')}
    </Alert>
  );
}

/** The scores the owner gave, read back (they cannot be changed). */
function GivenRating({ rating }: { rating: Rating }) {
  const { t } = useTranslation();
  const title = t('consultations.rating.yours');
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={title}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl" verticalSpacing={6} component="dl" m={0}>
        {skmElements.map((element, index) => (
          <Group key={element} justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" component="dt">
              {`${index + 1}. ${t(`consultations.rating.elements.${element}`)}`}
            </Text>
            <Text size="sm" fw={600} component="dd" m={0} style={{ whiteSpace: 'nowrap' }}>
              {`${t(`consultations.rating.scores.${String(rating.scores[element]) as (typeof skmScores)[number]}`)} (${rating.scores[element]})`}
            </Text>
          </Group>
        ))}
      </SimpleGrid>
      {rating.comment && (
        <>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="md">
            {t('consultations.rating.yourComment')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {rating.comment}
          </Text>
        </>
      )}
    </Card>
  );
}

/** The public-service satisfaction survey (SKM): nine elements scored 1–4, and a comment. */
export function RatingForm({ consultationId, onRated }: { consultationId: string; onRated: () => void }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const rate = useRateConsultation();
  const form = useForm<Values>({
    initialValues: {
      scores: Object.fromEntries(skmElements.map((e) => [e, null])) as Values['scores'],
      comment: '',
    },
    validate: {
      scores: Object.fromEntries(skmElements.map((e) => [e, (v: string | null) => (v ? null : t('consultations.rating.missing'))])),
      comment: (v) => lengthProblem(t, v.trim(), limits.comment),
    },
  });

  const submit = form.onSubmit((values) => {
    const scores = Object.fromEntries(skmElements.map((e) => [e, Number(values.scores[e])])) as Scores;
    rate.mutate(
      { id: consultationId, scores, comment: values.comment.trim() || null },
      { onSuccess: onRated, onError: (error) => form.setErrors(formErrorsFrom(error, fields, describeError)) },
    );
  });

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={t('consultations.rating.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} size="h4">
              {t('consultations.rating.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('consultations.rating.lead')}
            </Text>
          </div>
          {skmElements.map((element, index) => (
            <Radio.Group
              key={element}
              label={`${index + 1}. ${t(`consultations.rating.elements.${element}`)}`}
              required
              {...form.getInputProps(`scores.${element}`)}
            >
              <Group gap="md" mt={6}>
                {skmScores.map((score) => (
                  <Radio key={score} value={score} label={`${t(`consultations.rating.scores.${score}`)} (${score})`} />
                ))}
              </Group>
            </Radio.Group>
          ))}
          <Textarea
            label={`${t('consultations.rating.comment')} (${t('common.optional')})`}
            autosize
            minRows={3}
            maxLength={limits.comment.maxLength}
            {...form.getInputProps('comment')}
          />
          <ErrorAlert error={rate.error} shownFields={fields} />
          <Button type="submit" loading={rate.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('consultations.rating.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

type RatingSectionProps = { consultationId: string; rated: boolean; rating?: Rating | null };

/** The owner's part once the consultation is closed: the survey, or thanks and the scores given. */
export function RatingSection({ consultationId, rated, rating }: RatingSectionProps) {
  const [justRated, setJustRated] = useState(false);
  if (justRated || rated) {
    return (
      <Stack gap="sm">
        <RatedNotice justNow={justRated} />
        {rating && <GivenRating rating={rating} />}
      </Stack>
    );
  }
  return <RatingForm consultationId={consultationId} onRated={() => setJustRated(true)} />;
}
