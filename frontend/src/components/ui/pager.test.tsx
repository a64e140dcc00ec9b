import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { renderWithProviders } from '@/testing/render';

import { Pager } from './pager';

describe('the pager', () => {
  it('names every control, marks the current page and moves on', async () => {
    const onChange = vi.fn();
    renderWithProviders(<Pager total={3} value={1} onChange={onChange} />);
    const nav = screen.getByRole('navigation', { name: 'Halaman' });
    const previous = within(nav).getByRole('button', { name: 'Halaman sebelumnya' });
    expect(previous).toBeDisabled();
    expect(within(nav).getByRole('button', { name: 'Halaman 1' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('button', { name: 'Halaman 2' })).not.toHaveAttribute('aria-current');
    for (const button of within(nav).getAllByRole('button')) expect(button).toHaveAccessibleName();

    await userEvent.setup().click(within(nav).getByRole('button', { name: 'Halaman berikutnya' }));
    expect(onChange).toHaveBeenCalledWith(2);
  });

  it('is not shown for a single page', () => {
    renderWithProviders(<Pager total={1} value={1} onChange={() => {}} />);
    expect(screen.queryByRole('navigation', { name: 'Halaman' })).toBeNull();
  });
});
