import type { ComplaintChannel } from '@/lib/api/types';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// A bare host like "tarakankota.bps.go.id" or "s.bps.go.id/AduanPST6571".
const HOST_LIKE = /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i;

/** A web address as written in a service standard, made into a link; null when it is not one. */
export function webHref(value: string): string | null {
  const v = value.trim();
  if (/^https?:\/\/\S+$/i.test(v)) return v;
  if (HOST_LIKE.test(v)) return `https://${v}`;
  return null;
}

export function mailHref(value: string): string | null {
  const v = value.trim();
  return EMAIL.test(v) ? `mailto:${v}` : null;
}

/** Indonesian numbers as written locally ("(0551) 31715") → a dialable tel: link. */
export function telHref(value: string): string | null {
  const digits = value.replace(/[^\d+]/g, '');
  return digits.replace(/\D/g, '').length >= 5 ? `tel:${digits}` : null;
}

/** WhatsApp click-to-chat wants the international number without "+": 0813… → 62813…. */
export function whatsappHref(value: string): string | null {
  let digits = value.replace(/\D/g, '');
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  return digits.length >= 8 ? `https://wa.me/${digits}` : null;
}

const LAPOR_HOME = 'https://www.lapor.go.id/';

/** Where a complaint channel leads, when it leads anywhere (a suggestion box does not). */
export function complaintChannelHref(channel: ComplaintChannel): string | null {
  switch (channel.channel) {
    case 'email':
      return mailHref(channel.value);
    case 'phone':
      return telHref(channel.value);
    case 'whatsapp':
      return whatsappHref(channel.value);
    case 'lapor':
      return webHref(channel.value) ?? LAPOR_HOME;
    case 'website':
    case 'form':
    case 'social_media':
    case 'other':
      return webHref(channel.value) ?? mailHref(channel.value);
    case 'in_person':
      return null;
  }
}
