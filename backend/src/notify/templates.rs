//! Email texts, in Indonesian.
use super::Email;

const SIGNATURE: &str = "Salam,\nTim Pelayanan Statistik Terpadu (PST)\n\nEmail ini dikirim otomatis oleh Statkonsul; mohon tidak membalas email ini.";

pub fn verify_email(to: &str, full_name: &str, link: &str) -> Email {
    Email {
        to: to.to_owned(),
        subject: "Verifikasi alamat email Anda".into(),
        body: format!(
            "Halo {full_name},\n\n\
             Terima kasih telah mendaftar pada layanan konsultasi statistik.\n\
             Untuk mengaktifkan akun Anda, buka tautan berikut:\n\n{link}\n\n\
             Tautan ini berlaku selama 48 jam. Jika Anda tidak merasa mendaftar, abaikan email ini.\n\n{SIGNATURE}\n"
        ),
    }
}

pub fn password_reset(to: &str, full_name: &str, link: &str) -> Email {
    Email {
        to: to.to_owned(),
        subject: "Atur ulang kata sandi".into(),
        body: format!(
            "Halo {full_name},\n\n\
             Kami menerima permintaan untuk mengatur ulang kata sandi akun Anda.\n\
             Buka tautan berikut untuk membuat kata sandi baru:\n\n{link}\n\n\
             Tautan ini hanya dapat digunakan sekali dan berlaku selama 1 jam. \
             Jika Anda tidak meminta pengaturan ulang, abaikan email ini; kata sandi Anda tidak berubah.\n\n{SIGNATURE}\n"
        ),
    }
}

pub fn password_changed(to: &str, full_name: &str) -> Email {
    Email {
        to: to.to_owned(),
        subject: "Kata sandi Anda telah diubah".into(),
        body: format!(
            "Halo {full_name},\n\n\
             Kata sandi akun Anda baru saja diubah dan sesi login lainnya telah diakhiri.\n\
             Jika bukan Anda yang melakukannya, segera atur ulang kata sandi melalui halaman \"Lupa kata sandi\".\n\n{SIGNATURE}\n"
        ),
    }
}

pub fn staff_welcome(to: &str, full_name: &str, role: &str, unit: &str, login_link: &str) -> Email {
    Email {
        to: to.to_owned(),
        subject: "Akun petugas Statkonsul Anda".into(),
        body: format!(
            "Halo {full_name},\n\n\
             Akun petugas telah dibuatkan untuk Anda dengan peran {role} pada unit {unit}.\n\
             Masuk melalui {login_link} dengan kata sandi yang diberikan oleh administrator, \
             lalu segera ganti kata sandi Anda di halaman profil.\n\n{SIGNATURE}\n"
        ),
    }
}
