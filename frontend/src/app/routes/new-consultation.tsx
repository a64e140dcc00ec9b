import { Alert, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import { NewConsultationForm } from '@/features/consultations/components/new-consultation-form';
import { useServingUnits } from '@/features/units/api/get-serving-units';
import { useUser } from '@/lib/auth/get-me';
import { isStaffRole } from '@/lib/auth/roles';

export function NewConsultationRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { user } = useUser();
  const serving = useServingUnits();
  if (!user) return null;
  if (isStaffRole(user.role)) return <Navigate to={paths.staffConsultations} replace />;

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
          initialUnit={params.get('unit')}
          onCreated={(created) => void navigate(paths.consultation(created.id))}
        />
      )}
    </Stack>
  );
}
