import { expect, type Page, type TestInfo } from '@playwright/test';

/** A full-page screenshot kept with the test's results, named by step. */
export async function snap(page: Page, testInfo: TestInfo, step: string, fullPage = true) {
  // Transitions (a drawer sliding in) are shown finished, as a person sees them a moment later.
  await page.screenshot({ path: testInfo.outputPath(`${step}.png`), fullPage, animations: 'disabled' });
}

/** Opens the burger menu of the phone layout and waits until it has slid fully in. */
export async function openPhoneMenu(page: Page) {
  await page.getByRole('button', { name: 'Buka menu' }).click();
  const menu = page.getByRole('navigation', { name: 'Menu' });
  await expect(menu).toBeVisible();
  await expect.poll(async () => (await menu.boundingBox())?.x).toBe(0);
  return menu;
}

/**
 * Follows a navigation entry: on wide screens straight from the header (or from the staff's side
 * menu, always open there), through the burger menu on phones.
 */
export async function navigate(page: Page, isMobile: boolean, name: string | RegExp) {
  if (isMobile) {
    const menu = await openPhoneMenu(page);
    await menu.getByRole('link', { name }).or(menu.getByRole('button', { name })).click();
    // The menu slides away after a navigation: wait, so screenshots show the page.
    await expect.poll(async () => {
      const box = await menu.boundingBox();
      return box ? box.x + box.width <= 0 : true;
    }).toBe(true);
  } else {
    const places = page.getByRole('banner').or(page.getByRole('navigation', { name: 'Menu' }));
    await places.getByRole('link', { name }).or(places.getByRole('button', { name })).first().click();
  }
}
