import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { pekalonganStandard, tarakanStandard } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

import { ServiceStandardView } from './service-standard-view';

const section = (name: string) => screen.getByRole('region', { name });

describe('the service-standard view', () => {
  it('shows every component of Kota Tarakan’s standard', async () => {
    renderWithProviders(<ServiceStandardView standard={tarakanStandard} timeZone="Asia/Makassar" />);

    expect(screen.getByRole('heading', { name: 'Konsultasi Statistik' })).toBeInTheDocument();
    expect(screen.getByText('Nomor SK: 24E Tahun 2024')).toBeInTheDocument();
    // Updated at 23:30 UTC is 07:30 the next morning in Tarakan.
    expect(screen.getByText(/Diperbarui 21 Nov 2026.*07[.:]30 WITA/)).toBeInTheDocument();

    expect(screen.getByText('Gratis')).toBeInTheDocument();
    expect(screen.getByText('Tidak dipungut biaya')).toBeInTheDocument();

    const contacts = section('Kontak unit');
    expect(within(contacts).getByText(/Jl\. Pulau Kalimantan No\.9/)).toBeInTheDocument();
    expect(within(contacts).getByRole('link', { name: '055131715' })).toHaveAttribute('href', 'tel:055131715');
    expect(within(contacts).getByRole('link', { name: 'tarakankota.bps.go.id' })).toHaveAttribute(
      'href',
      'https://tarakankota.bps.go.id',
    );
    expect(within(contacts).getByRole('link', { name: 'bps6571@bps.go.id' })).toHaveAttribute(
      'href',
      'mailto:bps6571@bps.go.id',
    );
    expect(within(contacts).queryByText('Faks')).not.toBeInTheDocument();

    const requirements = section('Persyaratan');
    expect(within(requirements).getByRole('tab', { name: 'Online' })).toBeInTheDocument();
    expect(within(requirements).getByRole('tab', { name: 'Datang langsung' })).toBeInTheDocument();
    expect(within(requirements).getByText(/mengisi buku tamu/)).toBeInTheDocument();

    const procedures = section('Sistem, mekanisme, dan prosedur');
    expect(within(procedures).getAllByRole('listitem')).toHaveLength(tarakanStandard.procedures.online.length);
    await userEvent.setup().click(within(procedures).getByRole('tab', { name: 'Datang langsung' }));
    expect(within(procedures).getAllByRole('listitem')).toHaveLength(tarakanStandard.procedures.offline.length);
    expect(within(procedures).getByText(/mengambil nomor antrian/)).toBeVisible();

    const completion = section('Waktu penyelesaian');
    expect(within(completion).getByText(/maksimal 3 \(tiga\) hari kerja/)).toBeInTheDocument();
    expect(within(completion).getByText(/maksimal 10 \(sepuluh\) menit/)).toBeInTheDocument();

    expect(within(section('Produk layanan')).getAllByRole('listitem')).toHaveLength(tarakanStandard.products.length);

    const complaints = section('Penanganan pengaduan, saran, dan masukan');
    expect(within(complaints).getAllByRole('listitem')).toHaveLength(6);
    expect(within(complaints).getByRole('link', { name: '0851-8310-6571' })).toHaveAttribute(
      'href',
      'https://wa.me/6285183106571',
    );
    expect(within(complaints).getByRole('link', { name: 'https://www.instagram.com/bpskotatarakan' })).toHaveAttribute(
      'target',
      '_blank',
    );
    expect(within(complaints).getByText('BPS Kota Tarakan')).not.toHaveAttribute('href');
  });

  it('hides what Kota Pekalongan left empty: the walk-in mode, the SK number, fax and email', () => {
    renderWithProviders(<ServiceStandardView standard={pekalonganStandard} timeZone="Asia/Jakarta" />);

    expect(screen.queryByText(/Nomor SK/)).not.toBeInTheDocument();
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
    expect(screen.queryByText('Datang langsung')).not.toBeInTheDocument();
    expect(within(section('Persyaratan')).getByText('Online')).toBeInTheDocument();
    expect(within(section('Waktu penyelesaian')).getByText('1 Hari')).toBeInTheDocument();

    const contacts = section('Kontak unit');
    expect(within(contacts).queryByText('Faks')).not.toBeInTheDocument();
    expect(within(contacts).queryByText('Email')).not.toBeInTheDocument();
    expect(within(section('Penanganan pengaduan, saran, dan masukan')).getByRole('link', { name: 'lapor.go.id' })).toHaveAttribute(
      'href',
      'https://lapor.go.id',
    );
  });
});
