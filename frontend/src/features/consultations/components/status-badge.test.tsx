import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { i18n } from '@/lib/i18n';
import { renderWithProviders } from '@/testing/render';

import { QueuePosition, StatusBadge, UnreadBadge } from './status-badge';

describe('the status of a consultation', () => {
  it('says waiting, active or closed with how it ended', () => {
    renderWithProviders(
      <>
        <StatusBadge consultation={{ status: 'waiting', resolution: null, overdue: false }} />
        <StatusBadge consultation={{ status: 'active', resolution: null, overdue: true }} />
        <StatusBadge consultation={{ status: 'closed', resolution: 'inactive', overdue: false }} />
      </>,
    );
    expect(screen.getByText('Menunggu')).toBeInTheDocument();
    expect(screen.getByText('Aktif')).toBeInTheDocument();
    expect(screen.getByText('Lewat tenggat')).toBeInTheDocument();
    expect(screen.getByText('Selesai · Ditutup otomatis')).toBeInTheDocument();
  });

  it('gives the place in the queue while waiting, and nothing after', () => {
    renderWithProviders(
      <>
        <QueuePosition position={2} />
        <QueuePosition position={null} />
      </>,
    );
    expect(screen.getByText('Antrean ke-2')).toBeInTheDocument();
    expect(screen.getAllByText(/Antrean/)).toHaveLength(1);
  });

  it('counts unread messages in both languages, and hides when there are none', async () => {
    renderWithProviders(
      <>
        <UnreadBadge count={3} />
        <UnreadBadge count={0} />
      </>,
    );
    expect(screen.getByText('3 pesan baru')).toBeInTheDocument();
    await i18n.changeLanguage('en');
    expect(await screen.findByText('3 new messages')).toBeInTheDocument();
  });
});
