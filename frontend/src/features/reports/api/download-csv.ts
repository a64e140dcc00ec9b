import { useMutation } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { reportQuery, type ReportParams } from './query-keys';

/** The CSV files of the reports page: the three reports and the three exports of raw rows. */
export const csvFiles = [
  'satisfaction',
  'service-levels',
  'volumes',
  'consultations',
  'ratings',
  'complaints',
] as const;

export type CsvFile = (typeof csvFiles)[number];

/** The file's bytes: the reports need the bearer token, so a plain link cannot fetch them. */
export function downloadCsv(file: CsvFile, params: ReportParams): Promise<Blob> {
  const query = reportQuery(params);
  const csv = { params: { query: { ...query, format: 'csv' as const } }, parseAs: 'blob' as const };
  const rows = { params: { query }, parseAs: 'blob' as const };
  switch (file) {
    case 'satisfaction':
      return unwrap<Blob>(api.GET('/api/v1/reports/satisfaction', csv));
    case 'service-levels':
      return unwrap<Blob>(api.GET('/api/v1/reports/service-levels', csv));
    case 'volumes':
      return unwrap<Blob>(api.GET('/api/v1/reports/volumes', csv));
    case 'consultations':
      return unwrap<Blob>(api.GET('/api/v1/reports/export/consultations.csv', rows));
    case 'ratings':
      return unwrap<Blob>(api.GET('/api/v1/reports/export/ratings.csv', rows));
    case 'complaints':
      return unwrap<Blob>(api.GET('/api/v1/reports/export/complaints.csv', rows));
  }
}

/** E.g. `ikm-3375-2026-10-01-2026-12-31.csv`: the file says what it holds. */
export function csvFileName(file: CsvFile, { unit, from, to }: ReportParams) {
  const name = file === 'satisfaction' ? 'ikm' : file;
  return `${name}-${unit}-${from}-${to}.csv`;
}

/** Fetches the CSV and hands it to the browser under a name that says what it holds. */
export function useDownloadCsv() {
  return useMutation({
    mutationFn: async ({ file, params }: { file: CsvFile; params: ReportParams }) => {
      const blob = await downloadCsv(file, params);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = csvFileName(file, params);
      document.body.append(link);
      link.click();
      link.remove();
      // Give the browser a moment to start the download before the URL stops existing.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  });
}
