import { Button, Card, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { requestLimits } from '@/lib/api/limits.gen';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { RatingRequest, Scores } from '@/lib/api/types';
import { lengthProblem } from '@/lib/validation';

import { answerKey, skmElements, skmScores } from './skm';

type Element = (typeof skmElements)[number];
type Values = { scores: Record<Element, string | null>; comment: string };

const fields = [...skmElements.map((e) => `scores.${e}`), 'comment'];
const limits = requestLimits.RatingRequest;

export type SkmRatingFormProps = {
  /** Sends the answers (the caller's mutation); `onError` puts the server's field errors by their inputs. */
  onSubmit: (body: RatingRequest, callbacks: { onError: (error: unknown) => void }) => void;
  pending: boolean;
  /** The failed request, if any, said under the form. */
  error: unknown;
};

/**
 * The public-service satisfaction survey (SKM): nine elements, each with the questionnaire's own four
 * answers (score 1–4) and a plain-language hint, and a comment. Only the
 * form: what it rates (a consultation, a walk-in visit) and how it is sent are the caller's.
 */
export function SkmRatingForm({ onSubmit, pending, error }: SkmRatingFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
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
    onSubmit(
      { scores, comment: values.comment.trim() || null },
      { onError: (failure) => form.setErrors(formErrorsFrom(failure, fields, describeError)) },
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
              description={t(`ratingDesk.skm.hints.${element}`)}
              required
              {...form.getInputProps(`scores.${element}`)}
            >
              <Group gap="md" mt={6}>
                {skmScores.map((score) => (
                  <Radio key={score} value={score} label={`${t(answerKey(element, Number(score)))} (${score})`} />
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
          <ErrorAlert error={error} shownFields={fields} />
          <Button type="submit" loading={pending} style={{ alignSelf: 'flex-start' }}>
            {t('consultations.rating.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
