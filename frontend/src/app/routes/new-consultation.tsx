import { Alert, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import { NewConsultationForm } from '@/features/consultations/components/new-consultation-form';
import { AnsweredConfirmation } from '@/features/knowledge/components/answered-confirmation';
import { KnowledgeSuggestions } from '@/features/knowledge/components/knowledge-suggestions';
import { useServingUnits } from '@/features/units/api/get-serving-units';
import { useUnits } from '@/features/units/api/get-units';
import type { Article } from '@/lib/api/types';
import { useUser } from '@/lib/auth/get-me';
import { isStaffRole } from '@/lib/auth/roles';

/**
 * A new consultation, with answers from the knowledge base suggested while it is written: one that
 * answers the question ends here, and no consultation is opened.
 */
export function NewConsultationRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { user } = useUser();
  const serving = useServingUnits();
  const units = useUnits();
  const [answeredBy, setAnsweredBy] = useState<Article | null>(null);
  if (!user) return null;
  if (isStaffRole(user.role)) return <Navigate to={paths.staffConsultations} replace />;
  if (answeredBy) return <AnsweredConfirmation article={answeredBy} />;

  const unitName = (code: string | null | undefined) => (code ? (units.data?.find((u) => u.code === code)?.name ?? code) : null);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('consultations.new.title')}</Title>
        <Text c="dimmed">{t('consultations.new.lead')}</Text>
      </div>
      {serving.isPending && <Skeleton h={420} maw={760} />}
      <ErrorAlert error={serving.error} />
      {!serving.isPending && !serving.error && serving.units.length === 0 && (
        <Alert color="gray" icon={<IconInfoCircle />}>
          {t('consultations.new.noUnits')}
        </Alert>
      )}
      {!serving.isPending && serving.units.length > 0 && (
        <NewConsultationForm
          units={serving.units}
          prefill={{ unit: params.get('unit'), category: params.get('category'), subject: params.get('subject') }}
          onCreated={(created) => void navigate(paths.consultation(created.id))}
          suggestions={(draft) => (
            <KnowledgeSuggestions
              unitCode={draft.unit_code}
              category={draft.category}
              subject={draft.subject}
              question={draft.question}
              unitName={unitName}
              onAnswered={setAnsweredBy}
            />
          )}
        />
      )}
    </Stack>
  );
}
