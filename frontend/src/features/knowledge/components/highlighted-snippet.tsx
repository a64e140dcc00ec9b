import { Mark, Text, type TextProps } from '@mantine/core';
import { useMemo } from 'react';

import { parseSnippet } from '../utils/snippet';

/**
 * A search snippet with the matching words highlighted. The snippet is parsed into text and
 * marks; nothing of it is ever inserted as HTML.
 */
export function HighlightedSnippet({ snippet, ...props }: { snippet: string } & TextProps) {
  const parts = useMemo(() => parseSnippet(snippet), [snippet]);
  return (
    <Text size="sm" {...props}>
      {parts.map((part, index) => (part.marked ? <Mark key={index}>{part.text}</Mark> : part.text))}
    </Text>
  );
}
