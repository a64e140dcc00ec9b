/** Indonesian texts of the complaints screens; `complaints.en.ts` has the same keys (en.ts checks it). */
export const complaintsId = {
  title: 'Pengaduan',
};
