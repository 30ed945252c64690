#!/usr/bin/env python3
"""Builds the static information pages (About, privacy, accessibility statement, contact) into dist/.

Each page in app/pages/<lang>/<slug>.html is a <main> fragment after a front-matter comment
(title, description, alternate: the same page in the other language). It is wrapped in
app/pages/layout.html with the shell texts of app/pages/texts.json and the hashed stylesheet that
dist/index.html names, and written to dist/<slug>.html (Danish) or dist/en/<slug>.html (English).
These pages carry no wasm: they load at once, work without JavaScript and are served at
/<slug> and /en/<slug> (api/src/routes/spa.rs `info_page`, infra/template.yaml SpaRewriteFunction).

Usage: build_pages.py <repository root> <dist dir>
"""

import html
import json
import re
import sys
from pathlib import Path


def front_matter(text: str, path: Path) -> tuple[dict, str]:
    m = re.match(r"<!--\n(.*?)\n-->\n", text, re.S)
    if not m:
        sys.exit(f"build_pages: {path} must start with a <!-- title/description/alternate --> block")
    meta = dict(line.split(": ", 1) for line in m.group(1).splitlines())
    for key in ("title", "description", "alternate"):
        if key not in meta:
            sys.exit(f"build_pages: {path} has no '{key}:'")
    return meta, text[m.end():]


def main() -> None:
    root, dist = Path(sys.argv[1]), Path(sys.argv[2])
    pages = root / "app" / "pages"
    layout = (pages / "layout.html").read_text()
    texts = json.loads((pages / "texts.json").read_text())
    css = re.search(r'href="(/style-[0-9a-f]+\.css)"', (dist / "index.html").read_text())
    if not css:
        sys.exit("build_pages: dist/index.html names no /style-<hash>.css")
    written = []
    for lang, other in (("da", "en"), ("en", "da")):
        for src in sorted((pages / lang).glob("*.html")):
            meta, main = front_matter(src.read_text(), src)
            values = dict(texts[lang])
            values.update(
                lang=lang,
                other_lang=other,
                css=css.group(1),
                title=html.escape(meta["title"]),
                description=html.escape(meta["description"]),
                alternate=meta["alternate"],
                main=main.rstrip("\n"),
            )

            def fill(m: re.Match) -> str:
                if m.group(1) not in values:
                    sys.exit(f"build_pages: layout.html names {{{{{m.group(1)}}}}}, which texts.json lacks")
                return values[m.group(1)]

            out = dist / (src.name if lang == "da" else f"en/{src.name}")
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(re.sub(r"\{\{([a-z_]+)\}\}", fill, layout))
            written.append(str(out.relative_to(dist)))
    print("build_pages: " + " ".join(written), file=sys.stderr)


if __name__ == "__main__":
    main()
