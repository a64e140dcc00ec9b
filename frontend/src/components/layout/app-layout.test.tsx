import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { storageKeys } from '@/config/storage-keys';
import { session } from '@/lib/auth/session';
import { i18n } from '@/lib/i18n';
import { json, mockApi } from '@/testing/mock-api';
import { publicUser, supervisor } from '@/testing/fixtures';
import { renderRoutes } from '@/testing/render';

import { AppLayout } from './app-layout';

const layoutOnly = [{ path: '/', element: <AppLayout />, children: [{ index: true, element: <p>isi</p> }] }];

const mainNav = () => screen.getByRole('navigation', { name: /Navigasi utama|Main navigation/ });

describe('the header', () => {
  it('speaks Indonesian first and switches to English, remembering the choice', async () => {
    mockApi({});
    renderRoutes(layoutOnly, '/');
    expect(within(mainNav()).getByRole('link', { name: 'Basis pengetahuan' })).toHaveAttribute('href', '/knowledge');
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'Beranda' })).toHaveAttribute('href', '/');
    expect(document.documentElement.lang).toBe('id');

    await userEvent.setup().click(screen.getByText('EN'));

    expect(await within(mainNav()).findByRole('link', { name: 'Knowledge base' })).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'Log in' }).length).toBeGreaterThan(0);
    expect(localStorage.getItem(storageKeys.language)).toBe('en');
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('never shows staff navigation to a member of the public', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    mockApi({ 'GET /api/v1/me': () => json(200, publicUser) });
    renderRoutes(layoutOnly, '/');

    expect(await screen.findAllByText(publicUser.full_name)).not.toHaveLength(0);
    expect(screen.queryByRole('link', { name: 'Dasbor petugas' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Konsultasi online' })).not.toBeInTheDocument();
  });

  it('leads a member of the public to their consultations and to a new one', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    mockApi({ 'GET /api/v1/me': () => json(200, publicUser) });
    renderRoutes(layoutOnly, '/');

    expect(await within(mainNav()).findByRole('link', { name: 'Konsultasi saya' })).toHaveAttribute('href', '/consultations');
    expect(within(mainNav()).getByRole('link', { name: 'Konsultasi baru' })).toHaveAttribute('href', '/consultations/new');
    const menu = screen.getByRole('navigation', { name: 'Menu' });
    expect(within(menu).getByRole('link', { name: 'Konsultasi saya' })).toBeInTheDocument();
    expect(within(menu).getByRole('link', { name: 'Konsultasi baru' })).toBeInTheDocument();
  });

  it('gives staff their places in a side menu, the header keeping only the brand and the account', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    mockApi({ 'GET /api/v1/me': () => json(200, supervisor) });
    renderRoutes(layoutOnly, '/');

    const menu = await screen.findByRole('navigation', { name: 'Menu' });
    expect(await within(menu).findByRole('link', { name: 'Dasbor petugas' })).toHaveAttribute('href', '/staff');
    expect(within(menu).getByRole('link', { name: 'Konsultasi online' })).toHaveAttribute('href', '/staff/consultations');
    expect(within(menu).getByRole('link', { name: 'Kelola pengetahuan' })).toHaveAttribute('href', '/staff/knowledge');
    expect(within(menu).getByRole('link', { name: 'Laporan' })).toHaveAttribute('href', '/staff/reports');
    expect(within(menu).queryByRole('link', { name: 'Konsultasi baru' })).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Navigasi utama' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getAllByText(supervisor.full_name).length).toBeGreaterThan(0);
  });
});
