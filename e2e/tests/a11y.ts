import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from './fixtures';

/** Runs axe with the WCAG 2.1 A/AA rules and fails with a readable list of any violations. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const report = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`,
  );
  // Text in exactly its background's colour is invisible, yet axe lists a 1:1 contrast as "needs
  // review" rather than as a violation (a secondary button-link once rendered white on white).
  const invisible = results.incomplete
    .filter((r) => r.id === 'color-contrast')
    .flatMap((r) => r.nodes)
    .filter((n) => n.any.some((c) => (c.data as { contrastRatio?: number } | null)?.contrastRatio === 1));
  if (invisible.length) report.push(`color-contrast 1:1 (invisible text):\n${invisible.map((n) => `    ${n.target.join(' ')}: ${n.html}`).join('\n')}`);
  if (report.length) console.log(`axe violations on ${what}:\n${report.join('\n')}`);
  expect(report, `axe violations on ${what}`).toEqual([]);
}

/** Screenshots in e2e/test-results/ named after the page and the project: the first screen, and
 *  the full page (`-full`). */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const base = `${__dirname}/../test-results/${name}-${testInfo.project.name}`;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${base}.png` });
  await page.screenshot({ path: `${base}-full.png`, fullPage: true });
}
