/** Indonesian texts of the ratings screens; `ratings.en.ts` has the same keys (en.ts checks it). */
export const ratingsId = {
  title: 'Penilaian layanan',
};
