// The map view of the search results:
//   <forebyg-map data-map='{"center":{lat,lon,label},
//                           "markers":[{title,href,lat,lon,distance,start,joining}],
//                           "digital":n,"more":n,"all":bool,"list":"/?…"}'>
// (app/src/map.rs writes it: `all` when the markers are every on-site match of the search rather
// than one page's, `digital` and `more` how many matches are not on the map.)
// becomes a Leaflet map (Leaflet 1.9.4, BSD-2-Clause). The wasm loads this module only when a
// citizen opens the map, and this module loads Leaflet's script and stylesheet only then too.
// The admin offer editor's small map of the offer's point is the second element here,
//   <forebyg-point-map data-lat="56.15" data-lon="10.2">
// (see ForebygPointMap below); the admin bundle gets its own copy of this module and Leaflet.
// Tiles come from the deployment's OpenStreetMap-compatible URL (GET /api/v1/config). If Leaflet
// or the tiles cannot load, a notice says so, with a link to the list view (the primary view).
// The map's texts live here rather than in the app's i18n.rs to keep them out of the wasm.
//
// scripts/build-app.sh replaces the two addresses below with the content-hashed files in dist/.
const LEAFLET_JS = '__LEAFLET_JS__';
const LEAFLET_CSS = '__LEAFLET_CSS__';
// Give up on tiles that neither load nor fail (a server that never answers) after this long.
const TILE_TIMEOUT_MS = 10000;

const TEXTS = {
  da: {
    label: 'Kort over tilbuddene',
    hint: (all) => `Kortet viser ${all ? 'alle tilbud med fremmøde i din søgning' : 'tilbuddene på denne side af resultaterne'}. Den gule prik er dit søgested. Vælg en nål for at se tilbuddets navn, afstand, start og om du selv kan tilmelde dig, og gå videre til det.`,
    notOnMap: (n) => (n === 1
      ? '1 digitalt tilbud er ikke på kortet. Se det i listen.'
      : `${n} digitale tilbud er ikke på kortet. Se dem i listen.`),
    more: (n) => `${n} tilbud længere væk er ikke på kortet. Se dem i listen.`,
    failed: 'Kortet kunne ikke indlæses. Listen over resultaterne virker stadig.',
    showList: 'Vis resultaterne som liste',
    skip: (n) => `Spring kortet over (${n} ${n === 1 ? 'nål' : 'nåle'})`,
    here: 'Dit søgested',
    zoomIn: 'Zoom ind',
    zoomOut: 'Zoom ud',
    pointLabel: 'Kort over tilbuddets sted',
    pointHint: 'Træk nålen, eller klik på kortet, for at flytte tilbuddets sted. Du kan også skrive koordinaterne i felterne under kortet.',
    pointFailed: 'Kortets baggrund kunne ikke indlæses. Du kan stadig flytte nålen eller skrive koordinaterne.',
    pin: 'Tilbuddets sted',
  },
  en: {
    label: 'Map of the offers',
    hint: (all) => `The map shows ${all ? 'every offer you can attend in person in your search' : 'the offers on this page of results'}. The yellow dot is where you searched. Choose a pin to see the offer's name, distance, start and whether you can sign up yourself, and go on to it.`,
    notOnMap: (n) => (n === 1
      ? '1 digital offer is not on the map. See it in the list.'
      : `${n} digital offers are not on the map. See them in the list.`),
    more: (n) => (n === 1 ? '1 offer further away is not on the map. See it in the list.' : `${n} offers further away are not on the map. See them in the list.`),
    failed: 'The map could not be loaded. The list of results still works.',
    showList: 'Show the results as a list',
    skip: (n) => `Skip the map (${n} ${n === 1 ? 'pin' : 'pins'})`,
    here: 'Where you searched',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    pointLabel: "Map of the offer's place",
    pointHint: "Drag the pin, or click the map, to move the offer's place. You can also type the coordinates in the fields below the map.",
    pointFailed: 'The background of the map could not be loaded. You can still move the pin or type the coordinates.',
    pin: "The offer's place",
  },
};

let leaflet = null;
let config = null;

function load(el, attr, url) {
  return new Promise((resolve, reject) => {
    el[attr] = url;
    el.onload = resolve;
    el.onerror = () => reject(new Error(`could not load ${url}`));
    document.head.append(el);
  });
}

// Leaflet (window.L) with its stylesheet, once.
function loadLeaflet() {
  if (!leaflet) {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    const js = document.createElement('script');
    leaflet = Promise.all([load(css, 'href', LEAFLET_CSS), load(js, 'src', LEAFLET_JS)]).then(() => window.L);
    leaflet.catch(() => { leaflet = null; });
  }
  return leaflet;
}

function loadConfig() {
  if (!config) {
    config = fetch('/api/v1/config', { headers: { accept: 'application/json' } })
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`config: ${r.status}`))));
    config.catch(() => { config = null; });
  }
  return config;
}

// Leaflet takes attribution as HTML; ours is configured text.
function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Leaflet keeps clicks in a popup from reaching the page, so the app's router never sees a click
// on a popup's link and the browser would load the page anew (losing the app's state, such as
// the way back to this search). A plain click is handed to the router as a click on a link
// outside the map.
function follow(e) {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  const a = document.createElement('a');
  a.href = e.currentTarget.href;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}

// What both map elements share: Leaflet and the config loaded when the element is on the page
// (the app sets its attributes right after creating it), `show()` building the map, `fail()`
// revealing the element's notice, and a map with our zoom buttons and the tiles, whose failure
// (none loaded) calls `fail()`.
class LeafletElement extends HTMLElement {
  connectedCallback() {
    requestAnimationFrame(() => {
      if (this.isConnected && !this.started) {
        this.started = true;
        this.show().catch(() => this.fail());
      }
    });
  }

  disconnectedCallback() {
    clearTimeout(this.timer);
    if (this.map) this.map.remove();
    this.map = null;
  }

  async leafletMap(canvas, t) {
    const [L, cfg] = await Promise.all([loadLeaflet(), loadConfig()]);
    if (!this.isConnected) return null;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const map = L.map(canvas, {
      zoomControl: false,
      zoomAnimation: !still,
      fadeAnimation: !still,
      markerZoomAnimation: !still,
      inertia: !still,
      // The page scrolls past the map; zoom with the buttons, keys or two fingers.
      scrollWheelZoom: false,
    });
    this.map = map;
    // `data-moving` while the view moves (a popup's pan into view, a zoom): Leaflet starts the pan
    // in the same event that opens the popup, so a test that waits for the attribute to go waits
    // for the popup to come to rest, not for a guessed time.
    map.on('movestart', () => { this.dataset.moving = 'true'; });
    map.on('moveend', () => { delete this.dataset.moving; });
    L.control.zoom({ zoomInTitle: t.zoomIn, zoomOutTitle: t.zoomOut }).addTo(map);
    let loaded = 0;
    L.tileLayer(cfg.tile_url, { attribution: escapeHtml(cfg.tile_attribution), maxZoom: 19 })
      .on('tileload', () => { loaded += 1; })
      .on('tileerror', () => { if (!loaded) this.fail(); })
      .addTo(map);
    this.timer = setTimeout(() => { if (!loaded) this.fail(); }, TILE_TIMEOUT_MS);
    return L;
  }
}

class ForebygMap extends LeafletElement {
  fail() {
    if (!this.isConnected || !this.notice) return;
    this.classList.add('map--failed');
    this.notice.hidden = false;
  }

  async show() {
    const data = JSON.parse(this.dataset.map);
    // The app sets <html lang> to the language of the page.
    const t = TEXTS[document.documentElement.lang === 'en' ? 'en' : 'da'];
    const para = (className, text) => {
      const p = document.createElement('p');
      p.className = className;
      p.textContent = text;
      return p;
    };
    this.append(para('hint', t.hint(data.all)));
    if (data.digital > 0) this.append(para('hint', t.notOnMap(data.digital)));
    if (data.more > 0) this.append(para('hint', t.more(data.more)));
    // Hidden until the map fails; an alert, so it is announced when it appears.
    const notice = (this.notice = document.createElement('div'));
    notice.className = 'notice map__notice';
    notice.setAttribute('role', 'alert');
    notice.hidden = true;
    const back = document.createElement('a');
    back.href = data.list;
    back.textContent = t.showList;
    const backP = document.createElement('p');
    backP.append(back);
    notice.append(para('', t.failed), backP);
    this.append(notice);
    const canvas = document.createElement('div');
    canvas.className = 'map__canvas';
    canvas.setAttribute('role', 'region');
    canvas.setAttribute('aria-label', t.label);
    // Every pin takes the focus (Leaflet's keyboard markers: a city's search has a hundred and
    // more), so a link before the map skips them all to the link after it, back to the list.
    // Shown when focused, over the map's corner.
    const end = document.createElement('a');
    end.id = 'map-end';
    end.href = data.list;
    end.textContent = t.showList;
    const skip = document.createElement('a');
    skip.className = 'map__skip';
    skip.href = '#map-end';
    skip.textContent = t.skip(data.markers.length);
    skip.addEventListener('click', (e) => {
      e.preventDefault();
      end.focus();
    });
    const frame = document.createElement('div');
    frame.className = 'map__frame';
    frame.append(skip, canvas);
    const after = para('map__end', '');
    after.append(end);
    this.append(frame, after);
    const L = await this.leafletMap(canvas, t);
    if (!L) return;
    const map = this.map;

    const c = data.center;
    const points = [[c.lat, c.lon]];
    // The searched place above the pins (markers 600, popups 700), so crowded pins cannot hide it.
    map.createPane('here').style.zIndex = 650;
    L.circleMarker([c.lat, c.lon], { pane: 'here', radius: 9, color: '#0b0c0c', weight: 3, fillColor: '#ffdd00', fillOpacity: 1, className: 'map__here' })
      .bindTooltip(`${t.here}: ${c.label}`)
      .addTo(map);
    for (const m of data.markers) {
      // The popup is built as DOM, never from HTML strings: titles are data. The title links to
      // the offer; then the distance, the next start and whether one can sign up oneself.
      const popup = document.createElement('p');
      popup.className = 'map__popup';
      const link = document.createElement('a');
      link.href = m.href;
      link.textContent = m.title;
      link.addEventListener('click', follow);
      popup.append(link);
      for (const line of [m.distance, m.start, m.joining]) {
        if (line) popup.append(document.createElement('br'), line);
      }
      const label = m.distance ? `${m.title}, ${m.distance}` : m.title;
      L.marker([m.lat, m.lon], { title: label, alt: label, keyboard: true, riseOnHover: true }).bindPopup(popup).addTo(map);
      points.push([m.lat, m.lon]);
    }
    if (points.length > 1) {
      map.fitBounds(L.latLngBounds(points), { padding: [32, 32], maxZoom: 15, animate: false });
    } else {
      map.setView(points[0], 12, { animate: false });
    }
    this.dataset.ready = 'true';
  }
}

// Where the point map starts without a point: all of Denmark.
const DENMARK = [56.2, 10.8];

// The admin offer editor's point: <forebyg-point-map data-lat data-lon> shows a pin there (none
// while the attributes are not numbers). Dragging the pin or clicking the map moves it; then the
// element sets its data-lat/data-lon (5 decimals, ~1 m) and fires a bubbling `change` event, which
// the wasm reads into the latitude/longitude fields. The fields stay the keyboard's way to set
// the point: the map is an enhancement (a labelled region that keeps no focus to itself).
class ForebygPointMap extends LeafletElement {
  static get observedAttributes() { return ['data-lat', 'data-lon']; }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.marker = null;
    this.started = false;
    this.replaceChildren();
  }

  attributeChangedCallback() {
    if (this.map) this.place(false);
  }

  fail() {
    if (this.isConnected && this.notice) this.notice.hidden = false;
  }

  point() {
    const lat = parseFloat(this.dataset.lat);
    const lon = parseFloat(this.dataset.lon);
    return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lat, lon] : null;
  }

  // The pin where the attributes say (re-centred when `center`, or when it left the view).
  place(center) {
    const p = this.point();
    if (!p) {
      if (this.marker) this.marker.remove();
      this.marker = null;
      return;
    }
    if (!this.marker) {
      this.marker = this.L.marker(p, { draggable: true, keyboard: false, title: this.t.pin, alt: this.t.pin, autoPan: true })
        .on('dragend', () => this.moved(this.marker.getLatLng()))
        .addTo(this.map);
    } else {
      this.marker.setLatLng(p);
    }
    if (center || !this.map.getBounds().contains(p)) this.map.setView(p, Math.max(this.map.getZoom(), 13), { animate: false });
  }

  moved(ll) {
    this.dataset.lat = ll.lat.toFixed(5);
    this.dataset.lon = ll.lng.toFixed(5);
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  async show() {
    const t = (this.t = TEXTS[document.documentElement.lang === 'en' ? 'en' : 'da']);
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.id = 'point-map-hint';
    hint.textContent = t.pointHint;
    const notice = (this.notice = document.createElement('p'));
    notice.className = 'hint point-map__notice';
    notice.setAttribute('role', 'status');
    notice.hidden = true;
    notice.textContent = t.pointFailed;
    const canvas = document.createElement('div');
    canvas.className = 'map__canvas point-map__canvas';
    canvas.setAttribute('role', 'region');
    canvas.setAttribute('aria-label', t.pointLabel);
    canvas.setAttribute('aria-describedby', hint.id);
    this.append(hint, notice, canvas);
    const L = (this.L = await this.leafletMap(canvas, t));
    if (!L) return;
    const map = this.map;
    map.setView(DENMARK, 6, { animate: false });
    map.on('click', (e) => {
      this.moved(e.latlng);
      this.place(false);
    });
    this.place(true);
    this.dataset.ready = 'true';
  }
}

if (!customElements.get('forebyg-map')) customElements.define('forebyg-map', ForebygMap);
if (!customElements.get('forebyg-point-map')) customElements.define('forebyg-point-map', ForebygPointMap);
