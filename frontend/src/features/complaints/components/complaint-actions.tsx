import { Button, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { ComplaintDetail, ComplaintStatus, PersonRef } from '@/lib/api/types';
import { lengthProblem } from '@/lib/validation';

import { useAssignComplaint } from '../api/assign-complaint';
import { useChangeComplaintStatus } from '../api/change-complaint-status';
import { useRespondToComplaint } from '../api/respond-to-complaint';
import type { ComplaintActions as Allowed } from '../utils/lifecycle';
import { complaintLimits, LAPOR } from '../utils/options';

type Decision = 'reject' | 'forward' | 'close';

function RespondForm({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation();
  const respond = useRespondToComplaint();
  const describeError = useErrorMessage();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const send = () => {
    const text = body.trim();
    const problem = lengthProblem(t, text, complaintLimits.response);
    if (problem) {
      setError(problem);
      return;
    }
    respond.mutate(
      { id: complaint.id, body: text },
      {
        onSuccess: () => {
          setBody('');
          notifications.show({ color: 'green', message: t('complaintDesk.actions.responded') });
        },
        onError: (e) => setError(formErrorsFrom(e, ['body'], describeError).body ?? null),
      },
    );
  };
  return (
    <Stack gap="xs">
      <Textarea
        label={t('complaintDesk.actions.response')}
        description={t('complaintDesk.actions.responseHint')}
        autosize
        minRows={4}
        maxLength={complaintLimits.response.maxLength}
        value={body}
        onChange={(event) => {
          setBody(event.currentTarget.value);
          setError(null);
        }}
        error={error}
      />
      <Button onClick={send} loading={respond.isPending} style={{ alignSelf: 'flex-start' }}>
        {t('complaintDesk.actions.respond')}
      </Button>
      <ErrorAlert error={respond.error} shownFields={['body']} />
    </Stack>
  );
}

function DecisionForm({ complaint, decision, reasonRequired, onDone }: { complaint: ComplaintDetail; decision: Decision; reasonRequired: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const change = useChangeComplaintStatus();
  const describeError = useErrorMessage();
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState<'unit' | 'lapor'>('unit');
  const [unit, setUnit] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const status: ComplaintStatus = decision === 'reject' ? 'rejected' : decision === 'forward' ? 'forwarded' : 'closed';

  const submit = () => {
    const text = reason.trim();
    const found: Record<string, string> = {};
    const reasonProblem = lengthProblem(t, text, { ...complaintLimits.reason, minLength: reasonRequired ? 1 : 0 });
    if (reasonProblem) found.reason = reasonProblem;
    if (decision === 'forward' && target === 'unit') {
      const unitProblem = lengthProblem(t, unit.trim(), { ...complaintLimits.forwardedTo, minLength: 1 });
      if (unitProblem) found.forwarded_to = unitProblem;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      {
        id: complaint.id,
        status,
        reason: text || undefined,
        forwarded_to: decision === 'forward' ? (target === 'lapor' ? LAPOR : unit.trim()) : undefined,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('complaintDesk.actions.changed', { status: t(`complaintDesk.status.${status}`) }) });
          onDone();
        },
        onError: (e) => setErrors(formErrorsFrom(e, ['reason', 'forwarded_to'], describeError)),
      },
    );
  };

  const reasonLabel =
    decision === 'reject'
      ? t('complaintDesk.actions.rejectReason')
      : decision === 'close'
        ? t('complaintDesk.actions.closeReason')
        : target === 'lapor'
          ? t('complaintDesk.actions.forwardLaporNote')
          : t('complaintDesk.actions.forwardNote');
  const reasonHint =
    decision === 'reject' ? t('complaintDesk.actions.rejectHint') : decision === 'close' && reasonRequired ? t('complaintDesk.actions.closeHint') : undefined;

  return (
    <Stack gap="xs">
      {decision === 'forward' && (
        <>
          <Text size="sm" fw={500} id="forward-target">
            {t('complaintDesk.actions.forwardTarget')}
          </Text>
          <SegmentedControl
            aria-labelledby="forward-target"
            value={target}
            onChange={(v) => setTarget(v === 'lapor' ? 'lapor' : 'unit')}
            data={[
              { value: 'unit', label: t('complaintDesk.actions.forwardUnit') },
              { value: 'lapor', label: t('complaintDesk.actions.forwardLapor') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {target === 'unit' && (
            <TextInput
              label={t('complaintDesk.actions.forwardUnitCode')}
              required
              placeholder="3300"
              maxLength={complaintLimits.forwardedTo.maxLength}
              value={unit}
              onChange={(event) => setUnit(event.currentTarget.value)}
              error={errors.forwarded_to}
              w={{ base: '100%', xs: 200 }}
            />
          )}
        </>
      )}
      <Textarea
        label={reasonLabel}
        description={reasonHint}
        required={reasonRequired}
        autosize
        minRows={2}
        maxLength={complaintLimits.reason.maxLength}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={errors.reason}
      />
      <Group gap="sm">
        <Button color={decision === 'reject' ? 'red.9' : undefined} onClick={submit} loading={change.isPending}>
          {t(`complaintDesk.actions.${decision}`)}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('complaintDesk.actions.cancel')}
        </Button>
      </Group>
      <ErrorAlert error={change.error} shownFields={['reason', 'forwarded_to']} />
    </Stack>
  );
}

function AssignForm({ complaint, officers }: { complaint: ComplaintDetail; officers: PersonRef[] }) {
  const { t } = useTranslation();
  const assign = useAssignComplaint();
  const [chosen, setChosen] = useState<string | null>(null);
  const choices = officers.filter((o) => o.id !== complaint.assignee?.id);
  if (choices.length === 0) return null;
  const submit = () => {
    const officer = choices.find((o) => o.id === chosen);
    if (!officer) return;
    assign.mutate(
      { id: complaint.id, assigneeId: officer.id },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('complaintDesk.actions.assigned', { name: officer.full_name }) });
          setChosen(null);
        },
      },
    );
  };
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs" wrap="wrap">
        <Select
          label={t('complaintDesk.actions.assign')}
          data={choices.map((o) => ({ value: o.id, label: o.full_name }))}
          value={chosen}
          onChange={setChosen}
          searchable
          style={{ flex: 1, minWidth: 200 }}
        />
        <Button variant="default" onClick={submit} disabled={!chosen} loading={assign.isPending}>
          {t('complaintDesk.actions.assignSubmit')}
        </Button>
      </Group>
      <ErrorAlert error={assign.error} />
    </Stack>
  );
}

type ComplaintActionsProps = {
  complaint: ComplaintDetail;
  allowed: Allowed;
  /** The unit's officers and supervisors, when the viewer may read them. */
  officers?: PersonRef[];
};

/** The steps the lifecycle allows from the complaint's status, for the viewer's role. */
export function ComplaintActions({ complaint, allowed, officers }: ComplaintActionsProps) {
  const { t } = useTranslation();
  const change = useChangeComplaintStatus();
  const [decision, setDecision] = useState<Decision | null>(null);
  const move = (status: ComplaintStatus) =>
    change.mutate(
      { id: complaint.id, status },
      { onSuccess: () => notifications.show({ color: 'green', message: t('complaintDesk.actions.changed', { status: t(`complaintDesk.status.${status}`) }) }) },
    );
  const decisions = (['reject', 'forward', 'close'] as const).filter((d) => allowed[d]);
  const anything = allowed.verify || allowed.takeUp || allowed.respond || decisions.length > 0 || allowed.assign;
  if (!anything) {
    return (
      <Text size="sm" c="dimmed">
        {t('complaintDesk.actions.noActions')}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {(allowed.verify || allowed.takeUp) && (
        <Group gap="sm">
          {allowed.verify && (
            <Button onClick={() => move('verified')} loading={change.isPending && change.variables?.status === 'verified'}>
              {t('complaintDesk.actions.verify')}
            </Button>
          )}
          {allowed.takeUp && (
            <Button variant="default" onClick={() => move('in_progress')} loading={change.isPending && change.variables?.status === 'in_progress'}>
              {t('complaintDesk.actions.takeUp')}
            </Button>
          )}
        </Group>
      )}
      {!decision && <ErrorAlert error={change.error} />}
      {allowed.respond && <RespondForm complaint={complaint} />}
      {decisions.length > 0 &&
        (decision ? (
          <DecisionForm
            key={decision}
            complaint={complaint}
            decision={decision}
            reasonRequired={decision === 'reject' || (decision === 'close' && allowed.closeNeedsReason)}
            onDone={() => setDecision(null)}
          />
        ) : (
          <Group gap="sm">
            {decisions.map((d) => (
              <Button key={d} variant="default" color={d === 'reject' ? 'red' : undefined} onClick={() => setDecision(d)}>
                {t(`complaintDesk.actions.${d}`)}
              </Button>
            ))}
          </Group>
        ))}
      {allowed.assign && officers && <AssignForm complaint={complaint} officers={officers} />}
    </Stack>
  );
}
