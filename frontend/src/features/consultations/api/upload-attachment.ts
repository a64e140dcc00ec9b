import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { addMessages } from '../utils/cache';

export type UploadAttachmentInput = { consultationId: string; file: File; message?: string };

/** Sends the file itself as the body, with its type, as a message with an optional text. */
export function uploadAttachment({ consultationId, file, message }: UploadAttachmentInput) {
  return unwrap(
    api.POST('/api/v1/consultations/{id}/attachments', {
      params: { path: { id: consultationId }, query: { file_name: file.name, message } },
      // The API document describes the body as a binary string; it is the raw file, sent as is.
      body: file as unknown as string,
      bodySerializer: (body) => body,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
    }),
  );
}

export function useUploadAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadAttachment,
    onSuccess: (message, { consultationId }) => addMessages(queryClient, consultationId, [message]),
  });
}
