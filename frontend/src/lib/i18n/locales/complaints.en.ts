/** English texts of the complaints screens: the same keys as `complaints.id.ts`. */
export const complaintsEn = {
  title: 'Complaints',
};
