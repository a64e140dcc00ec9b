/**
 * Indonesian texts of the password strength meter; `password-strength.en.ts` has the same keys. `warnings`
 * and `suggestions` are zxcvbn's feedback, keyed as zxcvbn names it (`PasswordWarning`, `PasswordSuggestion`).
 */
export const passwordStrengthId = {
  meter: 'Kekuatan kata sandi',
  status: 'Kekuatan kata sandi: {{level}}',
  levels: { '0': 'Sangat lemah', '1': 'Lemah', '2': 'Cukup', '3': 'Kuat', '4': 'Sangat kuat' },
  warnings: {
    straightRow: 'Deretan tombol yang lurus pada papan ketik mudah ditebak.',
    keyPattern: 'Pola papan ketik yang pendek mudah ditebak.',
    simpleRepeat: 'Karakter berulang seperti "aaa" mudah ditebak.',
    extendedRepeat: 'Pola karakter berulang seperti "abcabcabc" mudah ditebak.',
    sequences: 'Urutan karakter umum seperti "abc" mudah ditebak.',
    recentYears: 'Tahun-tahun terakhir mudah ditebak.',
    dates: 'Tanggal mudah ditebak.',
    topTen: 'Ini salah satu kata sandi yang paling banyak dipakai.',
    topHundred: 'Ini kata sandi yang sangat sering dipakai.',
    common: 'Ini kata sandi yang umum dipakai.',
    similarToCommon: 'Ini mirip dengan kata sandi yang umum dipakai.',
    wordByItself: 'Satu kata saja mudah ditebak.',
    namesByThemselves: 'Nama depan atau nama keluarga saja mudah ditebak.',
    commonNames: 'Nama dan nama keluarga yang umum mudah ditebak.',
    userInputs: 'Jangan memakai nama atau alamat email Anda.',
    pwned: 'Kata sandi ini pernah bocor dalam pembobolan data di internet.',
  },
  suggestions: {
    l33t: 'Hindari penggantian huruf yang mudah ditebak, seperti "@" untuk "a".',
    reverseWords: 'Hindari kata umum yang dieja terbalik.',
    allUppercase: 'Gunakan huruf kapital pada sebagian huruf saja, bukan semuanya.',
    capitalization: 'Gunakan huruf kapital tidak hanya pada huruf pertama.',
    dates: 'Hindari tanggal dan tahun yang berkaitan dengan Anda.',
    recentYears: 'Hindari tahun-tahun terakhir.',
    associatedYears: 'Hindari tahun yang berkaitan dengan Anda.',
    sequences: 'Hindari urutan karakter yang umum.',
    repeated: 'Hindari kata dan karakter yang berulang.',
    longerKeyboardPattern: 'Gunakan pola papan ketik yang lebih panjang dan ubah arah ketikan beberapa kali.',
    anotherWord: 'Tambahkan kata lain yang jarang dipakai.',
    useWords: 'Gunakan beberapa kata, tetapi hindari frasa yang umum.',
    noNeed: 'Kata sandi yang kuat bisa dibuat tanpa simbol, angka, atau huruf kapital.',
    pwned: 'Jika Anda memakai kata sandi ini di tempat lain, segera ubah.',
  },
};
