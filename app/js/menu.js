// Escape closes the open main menu (the header's <details class="site-menu">) and, when the focus
// was in it, puts the focus back on its toggle. A document listener, so it serves the static
// shell and the app alike (the app replaces the header's nodes); here rather than in the app's
// wasm, where a keyboard handler cost about 1 KB of the landing page's budget.
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  const menu = document.querySelector('details.site-menu[open]');
  if (!menu) return;
  const inside = menu.contains(document.activeElement);
  menu.open = false;
  if (inside) menu.querySelector('summary')?.focus();
});
