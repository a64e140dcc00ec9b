import { Anchor, Text } from '@mantine/core';
import { useMemo } from 'react';

import { splitLinks } from '../utils/links';

/**
 * Plain text as written, new lines kept, its http(s) links clickable (a new tab, no referrer, no
 * endorsement); nothing of it is read as HTML. Links are underlined in the theme's anchor blue
 * (blue 8), readable on the bubbles' blue, grey and yellow 0.
 */
export function LinkedText({ text }: { text: string }) {
  const parts = useMemo(() => splitLinks(text), [text]);
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts.map((part, i) =>
        part.kind === 'link' ? (
          <Anchor key={i} href={part.href} target="_blank" rel="noopener noreferrer nofollow" underline="always" inherit style={{ overflowWrap: 'anywhere' }}>
            {part.text}
          </Anchor>
        ) : (
          part.text
        ),
      )}
    </Text>
  );
}
