import { Card, Container, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type AuthCardProps = { title: string; lead?: string; children: ReactNode };

export function AuthCard({ title, lead, children }: AuthCardProps) {
  return (
    <Container size={460} px={0}>
      <Card withBorder radius="md" padding="lg">
        <Title order={1} size="h2">
          {title}
        </Title>
        {lead && (
          <Text c="dimmed" size="sm" mt={4}>
            {lead}
          </Text>
        )}
        <Card.Section inheritPadding pt="md" pb="lg">
          {children}
        </Card.Section>
      </Card>
    </Container>
  );
}
