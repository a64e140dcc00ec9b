import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Attachment } from '@/lib/api/types';

/** The file's bytes: downloads need the bearer token, so a plain link cannot fetch them. */
export function downloadAttachment(attachment: Attachment): Promise<Blob> {
  return unwrap<Blob>(
    api.GET('/api/v1/attachments/{id}', { params: { path: { id: attachment.id } }, parseAs: 'blob' }),
  );
}

/** Fetches the file and hands it to the browser under its own name. */
export function useDownloadAttachment() {
  return useMutation({
    mutationFn: async (attachment: Attachment) => {
      const blob = await downloadAttachment(attachment);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = attachment.file_name;
      document.body.append(link);
      link.click();
      link.remove();
      // Give the browser a moment to start the download before the URL stops existing.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  });
}
