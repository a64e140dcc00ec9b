import { Alert, Button, Card, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { Scores } from '@/lib/api/types';

import { useRateConsultation } from '../api/rate-consultation';
import { skmElements, skmScores } from '../utils/options';

type Element = (typeof skmElements)[number];
type Values = { scores: Record<Element, string | null>; comment: string };

const fields = [...skmElements.map((e) => `scores.${e}`), 'comment'];
const COMMENT_MAX = 2000;

/** After rating: thanks, and no way to rate twice. */
function RatedNotice({ justNow }: { justNow: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="green" icon={<IconHeartHandshake />} title={justNow ? t('consultations.rating.thanks') : undefined} role="status">
      {justNow ? t('consultations.rating.thanksBody') : t('consultations.rating.rated')}
    </Alert>
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
      comment: (v) => (v.length <= COMMENT_MAX ? null : `≤ ${COMMENT_MAX}`),
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
            maxLength={COMMENT_MAX}
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

/** The owner's part once the consultation is closed: the survey, or thanks for having answered it. */
export function RatingSection({ consultationId, rated }: { consultationId: string; rated: boolean }) {
  const [justRated, setJustRated] = useState(false);
  if (justRated || rated) return <RatedNotice justNow={justRated} />;
  return <RatingForm consultationId={consultationId} onRated={() => setJustRated(true)} />;
}
