import './ticket-slip.css';

import { useTranslation } from 'react-i18next';

import type { Ticket } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';

import type { PaperWidth } from '../utils/storage';

import { TicketQr } from './ticket-qr';

type TicketSlipProps = { ticket: Ticket; unitName: string; timeZone: string; paper: PaperWidth };

/** The paper ticket a kiosk prints: only visible to the printer (see ticket-slip.css). */
export function TicketSlip({ ticket, unitName, timeZone, paper }: TicketSlipProps) {
  const { t } = useTranslation();
  return (
    <div className="walkin-slip" style={{ ['--slip-width' as string]: `${paper}mm` }} aria-hidden>
      {/* The page size follows the paper, so the printer feeds no blank length after the ticket. */}
      <style>{`@media print { @page { size: ${paper}mm auto; margin: 0; } }`}</style>
      <div>{unitName}</div>
      <div className="walkin-slip__small">{ticket.service_name}</div>
      <div className="walkin-slip__number">{ticket.number}</div>
      {ticket.priority && <div>{t(`walkin.priority.${ticket.priority}`)}</div>}
      {ticket.ahead !== null && ticket.ahead !== undefined && (
        <div className="walkin-slip__small">{t('walkin.ticket.ahead', { count: ticket.ahead })}</div>
      )}
      <div className="walkin-slip__small">{formatDateTime(ticket.taken_at, timeZone)}</div>
      {ticket.track_url && (
        <>
          <TicketQr value={ticket.track_url} size={160} alt="" />
          <div className="walkin-slip__small">{t('walkin.kiosk.scanToTrack')}</div>
        </>
      )}
      <div className="walkin-slip__small">{t('walkin.kiosk.free')}</div>
    </div>
  );
}
