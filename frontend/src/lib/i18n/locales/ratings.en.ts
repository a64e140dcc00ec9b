/** English texts of the ratings screens: the same keys as `ratings.id.ts`. */
export const ratingsEn = {
  title: 'Service ratings',
};
