import type { Page } from './fixtures';

/** Resolves once the page has not scrolled for ten animation frames in a row: a smooth scroll
 *  (the suite otherwise reduces motion) has ended where it ends. */
export async function scrollSettled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        let [last, still] = [-1, 0];
        const frame = () => {
          [still, last] = window.scrollY === last ? [still + 1, last] : [0, window.scrollY];
          if (still >= 10) done();
          else requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
  );
}
