import { Typography } from '@mantine/core';

import { Markdown } from '@/lib/markdown/markdown';

/** An article's markdown answer, set as readable text. */
export function ArticleAnswer({ answer }: { answer: string }) {
  return (
    <Typography style={{ overflowWrap: 'anywhere' }}>
      <Markdown source={answer} />
    </Typography>
  );
}
