import { Box, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { PasswordStrength } from '@/lib/password-strength';

// Darker shades, so the bar stands out from its grey track; the level is also written out in words.
const colors = ['red.8', 'orange.8', 'yellow.9', 'teal.8', 'green.8'] as const;

/**
 * How hard the password being typed is to guess: a bar of five levels and its name, announced as it
 * changes, then zxcvbn's warning and suggestions. The live region is there before any estimate, since
 * screen readers announce changes of a region they already know, not a region that appears.
 */
export function PasswordStrengthMeter({ strength }: { strength: PasswordStrength | null }) {
  const { t } = useTranslation();
  const level = strength ? t(`passwordStrength.levels.${strength.score}`) : '';

  return (
    <Stack gap={4}>
      {strength && (
        <Progress.Root
          size="sm"
          role="meter"
          aria-label={t('passwordStrength.meter')}
          aria-valuemin={0}
          aria-valuemax={4}
          aria-valuenow={strength.score}
          aria-valuetext={level}
        >
          <Progress.Section withAria={false} value={(strength.score + 1) * 20} color={colors[strength.score]} />
        </Progress.Root>
      )}
      <Text size="sm" fw={500} aria-live="polite">
        {strength && t('passwordStrength.status', { level })}
      </Text>
      {strength && (strength.warning || strength.suggestions.length > 0) && (
        <Box>
          {strength.warning && <Text size="sm">{t(`passwordStrength.warnings.${strength.warning}`)}</Text>}
          {strength.suggestions.map((key) => (
            <Text key={key} size="sm" c="dimmed">
              {t(`passwordStrength.suggestions.${key}`)}
            </Text>
          ))}
        </Box>
      )}
    </Stack>
  );
}
