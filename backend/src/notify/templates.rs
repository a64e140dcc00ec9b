//! Email texts, in Indonesian.
use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Tz;

use super::{Email, TextAttachment};
use crate::entities::{consultation, follow_up, unit, user};

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
        attachment: None,
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
        attachment: None,
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
        attachment: None,
    }
}

/// Someone registered with an address that already has an account: its owner is told, instead
/// of the registration answering "taken" to anyone who asks.
pub fn registration_attempt(to: &str, full_name: &str, reset_link: &str) -> Email {
    Email {
        to: to.to_owned(),
        subject: "Pendaftaran dengan alamat email Anda".into(),
        body: format!(
            "Halo {full_name},\n\n\
             Seseorang baru saja mencoba mendaftar di Statkonsul dengan alamat email ini, \
             padahal alamat ini sudah memiliki akun.\n\
             Jika itu Anda, silakan masuk dengan kata sandi Anda, atau atur ulang kata sandi melalui {reset_link}.\n\
             Jika bukan Anda, abaikan email ini: akun Anda tidak berubah.\n\n{SIGNATURE}\n"
        ),
        attachment: None,
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
        attachment: None,
    }
}

const DAYS: [&str; 7] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];
const MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// Indonesian time-zone names: WIB, WITA, WIT.
pub fn zone_abbreviation(zone: Tz) -> &'static str {
    match zone.name() {
        "Asia/Makassar" => "WITA",
        "Asia/Jayapura" => "WIT",
        _ => "WIB",
    }
}

/// "Senin, 24 November 2026 pukul 10.00 WIB"
pub fn local_time(at: DateTime<Utc>, zone: Tz) -> String {
    let local = at.with_timezone(&zone);
    format!(
        "{}, {} {} {} pukul {:02}.{:02} {}",
        DAYS[local.weekday().num_days_from_monday() as usize],
        local.day(),
        MONTHS[local.month0() as usize],
        local.year(),
        local.hour(),
        local.minute(),
        zone_abbreviation(zone)
    )
}

fn resolution_text(resolution: &str) -> &'static str {
    match resolution {
        "answered" => "telah dijawab",
        "referred" => "dirujuk ke layanan PST lainnya",
        "cancelled" => "dibatalkan karena permintaan tidak sesuai (silakan ajukan konsultasi baru)",
        "inactive" => "ditutup otomatis karena tidak ada tanggapan",
        _ => "ditutup",
    }
}

pub fn consultation_closed(
    to: &str,
    full_name: &str,
    number: &str,
    subject: &str,
    resolution: &str,
    link: &str,
) -> Email {
    Email {
        to: to.to_owned(),
        subject: format!("Konsultasi {number} telah ditutup"),
        body: format!(
            "Halo {full_name},\n\n\
             Konsultasi Anda \"{subject}\" (nomor {number}) {}.\n\n\
             Mohon luangkan waktu sebentar untuk menilai layanan kami; penilaian Anda membantu kami \
             memperbaiki pelayanan:\n\n{link}\n\n{SIGNATURE}\n",
            resolution_text(resolution)
        ),
        attachment: None,
    }
}

fn category_text(category: &str) -> &'static str {
    match category {
        "data" => "data",
        "metadata" => "metadata",
        "activity_recommendation" => "rekomendasi kegiatan statistik",
        "classification" => "klasifikasi",
        _ => "lainnya",
    }
}

/// To an officer or supervisor of the unit: a new online consultation waits in the queue.
pub fn consultation_waiting(
    to: &user::Model,
    unit: &unit::Model,
    c: &consultation::Model,
    link: &str,
    zone: Tz,
) -> Email {
    Email {
        to: to.email.clone(),
        subject: format!("Konsultasi baru menunggu: {}", c.number),
        body: format!(
            "Halo {},\n\n\
             Konsultasi daring baru masuk antrean {} pada {}.\n\n\
             Nomor: {}\nKategori: {}\nPerihal: {}\n\n\
             Ambil dan tanggapi konsultasi ini di konsol petugas:\n\n{link}\n\n{SIGNATURE}\n",
            to.full_name,
            unit.name,
            local_time(c.created_at, zone),
            c.number,
            category_text(&c.category),
            c.subject,
        ),
        attachment: None,
    }
}

pub fn officer_replied(
    to: &str,
    full_name: &str,
    number: &str,
    subject: &str,
    link: &str,
) -> Email {
    Email {
        to: to.to_owned(),
        subject: format!("Balasan baru untuk konsultasi {number}"),
        body: format!(
            "Halo {full_name},\n\n\
             Petugas PST telah membalas konsultasi Anda \"{subject}\" (nomor {number}).\n\
             Baca dan tanggapi balasannya di:\n\n{link}\n\n{SIGNATURE}\n"
        ),
        attachment: None,
    }
}

pub fn auto_close_warning(
    to: &str,
    full_name: &str,
    number: &str,
    subject: &str,
    closes_at: &str,
    link: &str,
) -> Email {
    Email {
        to: to.to_owned(),
        subject: format!("Konsultasi {number} akan ditutup otomatis"),
        body: format!(
            "Halo {full_name},\n\n\
             Petugas menunggu tanggapan Anda pada konsultasi \"{subject}\" (nomor {number}).\n\
             Jika tidak ada tanggapan, konsultasi akan ditutup otomatis pada {closes_at}.\n\
             Tanggapi di:\n\n{link}\n\n{SIGNATURE}\n"
        ),
        attachment: None,
    }
}

/// RFC 5545 text escaping.
fn ics_text(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

pub fn follow_up(
    owner: &user::Model,
    unit: &unit::Model,
    c: &consultation::Model,
    f: &follow_up::Model,
    zone: Tz,
) -> Email {
    let when = local_time(f.scheduled_at, zone);
    let (kind, place_label) = if f.kind == "video_meeting" {
        ("pertemuan video", "Tautan")
    } else {
        ("kunjungan langsung", "Tempat")
    };
    let stamp = |t: DateTime<Utc>| t.format("%Y%m%dT%H%M%SZ").to_string();
    let ics = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".into(),
        "PRODID:-//Statkonsul//Pelayanan Statistik Terpadu//ID".into(),
        "METHOD:REQUEST".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:{}@statkonsul", f.id),
        format!("DTSTAMP:{}", stamp(f.created_at)),
        format!("DTSTART:{}", stamp(f.scheduled_at)),
        "DURATION:PT1H".into(),
        format!(
            "SUMMARY:{}",
            ics_text(&format!("Konsultasi lanjutan {} - {}", c.number, unit.name))
        ),
        format!("LOCATION:{}", ics_text(&f.location_or_link)),
        format!(
            "DESCRIPTION:{}",
            ics_text(f.note.as_deref().unwrap_or(&c.subject))
        ),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ]
    .join("\r\n")
        + "\r\n";
    Email {
        to: owner.email.clone(),
        subject: format!("Jadwal konsultasi lanjutan {}", c.number),
        body: format!(
            "Halo {},\n\n\
             Petugas {} menjadwalkan konsultasi lanjutan ({kind}) untuk konsultasi \"{}\" (nomor {}).\n\n\
             Waktu: {when}\n{place_label}: {}\n{}\n\
             Undangan kalender terlampir.\n\n{SIGNATURE}\n",
            owner.full_name,
            unit.name,
            c.subject,
            c.number,
            f.location_or_link,
            f.note
                .as_deref()
                .map(|n| format!("Catatan: {n}\n"))
                .unwrap_or_default(),
        ),
        attachment: Some(TextAttachment {
            name: "konsultasi-lanjutan.ics".into(),
            content_type: "text/calendar; charset=utf-8; method=REQUEST".into(),
            body: ics,
        }),
    }
}

/// To a walk-in visitor after the visit: the one-time link to rate it (valid 7 days).
pub fn walkin_rating(
    to: &str,
    full_name: &str,
    number: &str,
    unit_name: &str,
    link: &str,
) -> Email {
    Email {
        to: to.to_owned(),
        subject: format!("Bagaimana layanan kami? Kunjungan {number} di {unit_name}"),
        body: format!(
            "Halo {full_name},\n\n\
             Terima kasih telah berkunjung ke Pelayanan Statistik Terpadu {unit_name} (nomor antrean \
             {number}). Mohon luangkan waktu sebentar untuk menilai layanan kami; tautan ini berlaku \
             7 hari dan hanya dapat dipakai sekali:\n\n{link}\n\n{SIGNATURE}\n"
        ),
        attachment: None,
    }
}

/// To the respondent of a rating: an officer's follow-up message, and where to answer it.
pub fn rating_follow_up(
    to: &str,
    full_name: &str,
    unit_name: &str,
    message: &str,
    link: &str,
) -> Email {
    Email {
        to: to.to_owned(),
        subject: format!("Tindak lanjut penilaian Anda atas layanan {unit_name}"),
        body: format!(
            "Halo {full_name},\n\n\
             Terima kasih atas penilaian dan masukan Anda untuk Pelayanan Statistik Terpadu \
             {unit_name}. Petugas kami menindaklanjutinya:\n\n{message}\n\n\
             Anda dapat membalas pesan ini melalui tautan berikut:\n\n{link}\n\n{SIGNATURE}\n"
        ),
        attachment: None,
    }
}

fn greeting(name: Option<&str>) -> String {
    match name {
        Some(n) => format!("Halo {n},"),
        None => "Halo,".to_owned(),
    }
}

/// The confirmation link of a complaint filed without an account.
pub fn complaint_confirm(to: &str, name: Option<&str>, unit_name: &str, link: &str) -> Email {
    Email {
        to: to.to_owned(),
        subject: format!("Konfirmasi pengaduan Anda kepada {unit_name}"),
        body: format!(
            "{}\n\n\
             Kami menerima pengaduan atas nama alamat email ini untuk {unit_name}. \
             Agar pengaduan diteruskan kepada petugas, konfirmasikan alamat email Anda melalui \
             tautan berikut:\n\n{link}\n\n\
             Tautan ini berlaku selama 48 jam. Jika Anda tidak merasa mengirim pengaduan, abaikan \
             email ini; pengaduan tidak akan diproses.\n\n{SIGNATURE}\n",
            greeting(name)
        ),
        attachment: None,
    }
}

/// The tracking code of a complaint the unit has received.
pub fn complaint_received(
    to: &str,
    name: Option<&str>,
    unit_name: &str,
    code: &str,
    link: &str,
) -> Email {
    Email {
        to: to.to_owned(),
        subject: format!("Pengaduan {code} diterima"),
        body: format!(
            "{}\n\n\
             Pengaduan Anda telah diterima oleh {unit_name} dengan kode pelacakan:\n\n{code}\n\n\
             Simpan kode ini. Status pengaduan dan tanggapan petugas dapat Anda ikuti di:\n\n{link}\n\n{SIGNATURE}\n",
            greeting(name)
        ),
        attachment: None,
    }
}

/// The unit's response to a complaint.
pub fn complaint_response(
    to: &str,
    name: Option<&str>,
    unit_name: &str,
    code: &str,
    response: &str,
    link: &str,
) -> Email {
    Email {
        to: to.to_owned(),
        subject: format!("Tanggapan atas pengaduan {code}"),
        body: format!(
            "{}\n\n\
             {unit_name} menanggapi pengaduan Anda ({code}):\n\n{response}\n\n\
             Jika tanggapan ini sudah menyelesaikan pengaduan Anda, atau Anda ingin membalasnya, \
             buka halaman pelacakan:\n\n{link}\n\n\
             Tanpa balasan, pengaduan akan ditutup otomatis setelah beberapa hari kerja.\n\n{SIGNATURE}\n",
            greeting(name)
        ),
        attachment: None,
    }
}

/// A complaint has ended: `what` says how ("telah ditutup", "kami teruskan kepada …"), with
/// the officer's reason and, when forwarded to a unit, the new tracking code and page.
#[allow(clippy::too_many_arguments)]
pub fn complaint_ended(
    to: &str,
    name: Option<&str>,
    unit_name: &str,
    code: &str,
    what: &str,
    reason: Option<&str>,
    link: &str,
    onward: Option<(String, String)>,
) -> Email {
    let reason = reason
        .map(|r| format!("Keterangan petugas:\n{r}\n\n"))
        .unwrap_or_default();
    let onward = onward
        .map(|(new_code, url)| {
            format!("Pengaduan Anda berlanjut dengan kode baru {new_code}:\n{url}\n\n")
        })
        .unwrap_or_default();
    Email {
        to: to.to_owned(),
        subject: format!("Pengaduan {code}: {what}"),
        body: format!(
            "{}\n\n\
             Pengaduan Anda ({code}) kepada {unit_name} {what}.\n\n{reason}{onward}\
             Riwayatnya tetap dapat dilihat di:\n{link}\n\n{SIGNATURE}\n",
            greeting(name)
        ),
        attachment: None,
    }
}
