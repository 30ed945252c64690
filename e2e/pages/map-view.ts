import { expect, type Locator, type Page } from '@playwright/test';

/** Texts of the list/map switch and the map in both languages. */
export const MAP_T = {
  da: {
    toggle: 'Vis resultaterne som',
    list: 'Liste',
    map: 'Kort',
    region: 'Kort over tilbuddene',
    failed: 'Kortet kunne ikke indlæses. Listen over resultaterne virker stadig.',
    showList: 'Vis resultaterne som liste',
    skip: 'Spring kortet over',
    zoomIn: 'Zoom ind',
  },
  en: {
    toggle: 'Show the results as',
    list: 'List',
    map: 'Map',
    region: 'Map of the offers',
    failed: 'The map could not be loaded. The list of results still works.',
    showList: 'Show the results as a list',
    skip: 'Skip the map',
    zoomIn: 'Zoom in',
  },
} as const;

/** The list/map switch of the search results and the map view (Leaflet in `<forebyg-map>`). */
export class MapView {
  readonly t: (typeof MAP_T)['da' | 'en'];
  readonly toggle: Locator;
  readonly listLink: Locator;
  readonly mapLink: Locator;
  readonly region: Locator;
  readonly failedNotice: Locator;
  readonly showList: Locator;
  readonly skip: Locator;
  readonly end: Locator;
  readonly markers: Locator;
  readonly here: Locator;
  readonly zoomIn: Locator;

  constructor(readonly page: Page, lang: 'da' | 'en' = 'da') {
    const t = (this.t = MAP_T[lang]);
    this.toggle = page.getByRole('navigation', { name: t.toggle });
    this.listLink = this.toggle.getByRole('link', { name: t.list, exact: true });
    this.mapLink = this.toggle.getByRole('link', { name: t.map, exact: true });
    this.region = page.getByRole('region', { name: t.region });
    this.failedNotice = page.getByRole('alert').filter({ hasText: t.failed });
    this.showList = this.failedNotice.getByRole('link', { name: t.showList });
    // The link before the map that skips its pins, and the link after the map it lands on.
    this.skip = page.locator('forebyg-map').getByRole('link', { name: t.skip });
    this.end = page.locator('forebyg-map .map__end').getByRole('link', { name: t.showList });
    // Leaflet's markers are images with the offer's title (and distance) as text alternative.
    this.markers = this.region.locator('.leaflet-marker-icon');
    this.here = this.region.locator('path.map__here');
    this.zoomIn = this.region.getByRole('button', { name: t.zoomIn });
  }

  /** Opens the popup of the first marker from the keyboard and waits until the map has stopped
   * moving (Leaflet pans an opened popup into view): its link is then where it stays. */
  async openFirstPopup(): Promise<Locator> {
    await this.markers.first().focus();
    await this.page.keyboard.press('Enter');
    const popup = this.region.locator('.leaflet-popup');
    await expect(popup.getByRole('link')).toBeVisible();
    await expect(this.page.locator('forebyg-map:not([data-moving])')).toHaveCount(1);
    return popup;
  }

  /** Waits until map.js has drawn the map (markers placed, bounds fitted). */
  async ready(): Promise<void> {
    await expect(this.region).toBeVisible();
    await expect(this.page.locator('forebyg-map[data-ready="true"]')).toHaveCount(1);
  }
}
