// Appended to the citizen app's JS module by scripts/build-app.sh, which fills in the chunk lists
// (no inline script: the CSP allows none). An offer page (/tilbud/<id>) needs, one after another,
// the main wasm, the offer page's chunks and the offer; a search in the address needs the main
// wasm, then the search's results part and the answer. This starts the chunks while the main wasm
// loads; the chunks land in the HTTP cache (content-hashed, immutable), where the chunk loader
// finds them. An offer page's chunks start once app/js/first-screen.js has shown the offer's first
// screen (`forebygPrefetch.shown`): the offer comes first.
{
  const prefetch = (names) => {
    for (const name of names) fetch(new URL(name, import.meta.url)).catch(() => {});
  };
  if (/^\/tilbud\/[^/]+\/?$/.test(location.pathname)) {
    Promise.resolve(window.forebygPrefetch?.shown).finally(() => prefetch(__OFFER_CHUNKS__));
  } else if (location.pathname === '/' && /[?&](postcode|lat)=/.test(location.search)) {
    prefetch(__SEARCH_CHUNKS__);
  }
}
