import { Anchor, Card, Text } from '@mantine/core';
import { Link } from 'react-router';

type StatProps = { label: string; value: string; hint?: string; to?: string; linkLabel?: string };

/** One figure of the report, with a link to the records behind it where the app lists them. */
export function Stat({ label, value, hint, to, linkLabel }: StatProps) {
  return (
    <Card withBorder radius="sm" padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      {to && linkLabel && (
        <Anchor component={Link} to={to} size="sm" className="report-no-print">
          {linkLabel}
        </Anchor>
      )}
    </Card>
  );
}
