import { Alert, Stepper } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowForwardUp, IconBan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import type { ComplaintStatus } from '@/lib/api/types';

const steps = ['received', 'verified', 'in_progress', 'responded', 'closed'] as const;

/** How many steps are behind a complaint in this status (a reply takes it back to in progress). */
const reached: Partial<Record<ComplaintStatus, number>> = {
  received: 1,
  verified: 2,
  in_progress: 3,
  responded: 4,
  closed: 5,
};

type ComplaintProgressProps = { status: ComplaintStatus; reason?: string | null; forwardedTo?: string | null };

/** The steps of the lifecycle with the ones done marked; a rejection or forwarding said instead. */
export function ComplaintProgress({ status, reason, forwardedTo }: ComplaintProgressProps) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)') ?? false;
  if (status === 'rejected' || status === 'forwarded') {
    const title =
      status === 'rejected'
        ? t('complaintDesk.status.rejected')
        : forwardedTo === 'lapor'
          ? t('complaintDesk.track.forwardedToLapor')
          : t('complaintDesk.track.forwardedTo', { unit: forwardedTo ?? '' });
    return (
      <Alert
        color={status === 'rejected' ? 'red' : 'grape'}
        icon={status === 'rejected' ? <IconBan /> : <IconArrowForwardUp />}
        title={title}
      >
        {reason}
      </Alert>
    );
  }
  return (
    <Stepper
      active={reached[status] ?? 0}
      orientation={wide ? 'horizontal' : 'vertical'}
      size="sm"
      allowNextStepsSelect={false}
      aria-label={t('complaintDesk.track.progress')}
    >
      {steps.map((step) => (
        <Stepper.Step key={step} label={t(`complaintDesk.track.steps.${step}`)} />
      ))}
    </Stepper>
  );
}
