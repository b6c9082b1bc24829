#!/usr/bin/env python3
"""Writes a seeded site-build benchmark corpus: an embedsmith project and the same Markdown as a
theme-less Hugo site.

    make-site-corpus.py --tenants 2000 --pages 5 --seed 42 --out DIR

DIR/embedsmith/  content/t0000/tenant.yaml, index.md, page1.md … page<M-1>.md (M pages a tenant),
                 assets/logo.svg on every 5th tenant; templates/partials/footer.mustache (a project
                 override of the default footer, edited by the template-edit benchmark)
DIR/hugo/        hugo.toml (code-fence highlighting off: embedsmith does not highlight either),
                 hugo-highlight.toml (the same with Hugo's default Chroma highlighting),
                 content/t0000/_index.md (the tenant's index page), page1.md …,
                 layouts/_default/single.html + list.html, layouts/partials/head.html + footer.html

Every page: front matter (title, description, weight, toc: true), about 300 words, two `##` and one
`###` heading, a bullet list, a numbered list, inline code, emphasis, an internal and an external
link, a blockquote, a fenced `swift` code block and one `embed` block (a quick-invitation button or
a room link; the index page has both). On every 4th tenant (t % 4 == 1) the last page has
`layout: agent` (the Apizee web-agent iframe). In the Hugo copy each embed block becomes a plain
Markdown link to the same vendor URL, and the agent page an iframe drawn by single.html from the
`agent_url` parameter, so both generators render the same Markdown into comparable pages.

Same arguments, same bytes: everything comes from one random.Random(seed), written in a fixed order.
The helpers `words()` and `FEATURES` are imported by Tests/bench/test_corpus.py.
"""
import argparse
import os
import random
import re
import shutil
import urllib.parse

WORDS = ("agent customer video session invitation phone camera support ticket claim policy contract "
         "garage window damage photo expert callback schedule record consent screen share device "
         "network browser microphone quality summary report reference service team region desk "
         "appointment vehicle roof kitchen boiler estimate repair invoice adjuster evidence link").split()
FIRST = ["Jane", "Paul", "Amina", "Lucas", "Chloe", "Omar", "Sofia", "Hugo", "Nina", "Igor"]
LAST = ["Martin", "Durand", "Bernard", "Petit", "Moreau", "Garcia", "Roux", "Fournier"]
CODE_IDENT = ["session", "ticket", "invite", "frame", "bridge", "config", "guest", "agent"]

WORD_TARGET = (280, 320)   # prose words of a page body (see words())

# Markdown features every page must have: name -> regex over the page body (front matter removed).
FEATURES = {
    "h2 headings (2)": r"(?m)^## \S",
    "h3 heading": r"(?m)^### \S",
    "bullet list": r"(?m)^- \S.*\n- \S",
    "numbered list": r"(?m)^1\. \S.*\n2\. \S",
    "inline code": r"`[A-Za-z][\w.()]*`",
    "emphasis": r"(?<![*\w])\*[A-Za-z][^*\n]*\*(?![*\w])",
    "internal link": r"\]\((?:index|page\d+)\.html\)|\]\(/t\d{4}/(?:page\d+/)?\)",
    "external link": r"\]\(https://www\.apizee\.com/[^)]*\)",
    "blockquote": r"(?m)^> \S",
    "fenced code block": r"(?m)^```swift\n(?:.*\n)+?```$",
}


def sentence(r, n=None):
    n = n or r.randint(8, 16)
    words = [r.choice(WORDS) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def phone(r):
    return "+336" + "".join(str(r.randint(0, 9)) for _ in range(8))


def split_front_matter(text):
    """(front matter text, body) of a page."""
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    return (m.group(1), text[m.end():]) if m else ("", text)


def words(markdown):
    """Prose words of a page: front matter and embed blocks removed, then every whitespace-separated
    token holding a letter or digit (Markdown markers such as ##, -, 1. and > do not count; code does)."""
    body = split_front_matter(markdown)[1]
    body = re.sub(r"(?ms)^```embed .*?^```$", "", body)
    body = re.sub(r"(?m)^(#{1,6}|[-*>]|\d+\.|```\w*)(?=\s|$)", " ", body)
    return sum(1 for token in body.split() if re.search(r"[A-Za-z0-9]", token))


# ---------------------------------------------------------------- tenants

class Tenant:
    def __init__(self, t, r, pages):
        self.t = t
        self.id = f"t{t:04d}"
        self.name = f"Tenant {t} {r.choice(LAST)} Insurance"
        self.locale = "fr" if t % 3 == 0 else "en"
        self.color = f"#{r.randint(0, 0xFFFFFF):06x}"
        self.service_key = "".join(r.choice("0123456789abcdef") for _ in range(32))
        self.api_key = f"key{t:04d}Demo"
        self.conversation = f"Support-T{t}"
        self.agent_name = f"Agent {r.choice(FIRST)}"
        self.console = f"apizee.t{t}.example"
        self.logo = t % 5 == 0
        self.agent_page = t % 4 == 1 and pages > 1

    def yaml(self):
        logo = "  logo: assets/logo.svg\n" if self.logo else ""
        return f"""# generated tenant {self.t}
name: {self.name}
locale: {self.locale}
baseURL: https://support.t{self.t}.example/
theme:
  primaryColor: "{self.color}"
{logo}apizee:
  apiKey: {self.api_key}
  webAgent:
    conversation: {self.conversation}
    agentName: {self.agent_name}
    locale: {self.locale}
    logLevel: warn
  quickInvitation:
    serviceKey: {self.service_key}
    readOnly: {{ service: true }}
  console:
    host: {self.console}
security:
  frameAncestors: ["'self'", https://crm.t{self.t}.example]
"""

    def logo_svg(self):
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32" viewBox="0 0 120 32">'
                f'<rect width="32" height="32" rx="6" fill="{self.color}"/>'
                f'<text x="40" y="22" font-family="sans-serif" font-size="16">T{self.t}</text></svg>\n')

    def agent_url(self):
        q = [("aK", self.api_key), ("cN", self.conversation), ("aN", self.agent_name), ("l", self.locale), ("lL", "warn")]
        return "https://apirtc.github.io/web-agent/?" + urllib.parse.urlencode(q, quote_via=urllib.parse.quote)


# ---------------------------------------------------------------- embed blocks and their Hugo equivalent

def quick_invitation(r, tenant):
    label = f"Call {r.choice(FIRST)} {r.choice(LAST)}"
    reference = f"CASE-{tenant.t}-{r.randint(1, 99999)}"
    number = phone(r)
    block = f'```embed quick-invitation\nlabel: {label}\nreference: {reference}\nphones: ["{number}"]\n```'
    q = [("reference", reference), ("service_key", tenant.service_key), ("phone_numbers", number)]
    url = "https://cloud.apizee.com/quick-invitation?" + urllib.parse.urlencode(q)
    return block, f"[{label}]({url})"


def room_link(r, tenant):
    host = r.choice(["cloud.apizee.com", "app.apizee.com", tenant.console])
    url = f"https://{host}/room/{tenant.id}-{r.randint(1, 99999)}"
    label = f"Join room {r.randint(1, 999)}"
    return f"```embed room-link\nurl: {url}\nlabel: {label}\n```", f"[{label}]({url})"


# ---------------------------------------------------------------- pages

def page_name(p):
    return "index" if p == 0 else f"page{p}"


def page(r, tenant, p, pages):
    """(embedsmith Markdown, Hugo Markdown) of page p of a tenant."""
    title = f"{sentence(r, 3)[:-1]} {p}"
    description = sentence(r, 10)
    agent = tenant.agent_page and p == pages - 1
    target = (p + 1) % pages if pages > 1 else 0
    es_link = f"{page_name(target)}.html"
    hugo_link = f"/{tenant.id}/" if target == 0 else f"/{tenant.id}/{page_name(target)}/"
    word = r.choice(WORDS)
    ident = r.choice(CODE_IDENT)

    def para(n):
        return " ".join(sentence(r) for _ in range(n))

    # Placeholders (\x00…) are replaced per flavour below; everything else is shared Markdown.
    parts = [
        f"{sentence(r)} Agents open the `{ident}.start()` call when the customer is *ready to share "
        f"the {word}*. {para(2)}",
        f"## {sentence(r, 4)[:-1]}",
        f"{para(2)} The next step is on the [{page_name(target)} page](\x00LINK).",
        "\n".join(f"- {sentence(r, r.randint(5, 9))}" for _ in range(r.randint(3, 4))),
        f"## {sentence(r, 3)[:-1]}",
        para(2),
        "\n".join(f"{i + 1}. {sentence(r, r.randint(5, 9))}" for i in range(r.randint(3, 4))),
        f"> {sentence(r)} {sentence(r, 6)}",
        f"### {sentence(r, 3)[:-1]}",
        para(1),
        "```swift\n"
        f"let {ident} = try await Client.shared.{ident}(id: {r.randint(1, 9999)})\n"
        f"{ident}.on(.{r.choice(CODE_IDENT)}) {{ event in print(event.{r.choice(CODE_IDENT)}) }}\n"
        "```",
        f"More about {word} on the [vendor site](https://www.apizee.com/{r.choice(WORDS)}).",
    ]
    embeds = [quick_invitation(r, tenant), room_link(r, tenant)] if p == 0 else \
             [(quick_invitation if r.random() < 0.5 else room_link)(r, tenant)]
    # Pad with sentences until the prose reaches the page's word target.
    goal = r.randint(*WORD_TARGET)
    closing = []
    while True:
        count = words("\n\n".join(parts + closing))
        if count >= goal - 4:
            break
        closing.append(sentence(r, min(16, max(4, goal - count))))
    if closing:
        parts.insert(6, " ".join(closing))

    front = [f"title: {title}", f"description: {description}", f"weight: {p}", "toc: true"]
    es_front = front + (["layout: agent", "agent:", "  controls: true"] if agent else [])
    hugo_front = front + ([f'agent_url: "{tenant.agent_url()}"'] if agent else [])
    if p == 0:
        hugo_front += [f"tenant_name: {tenant.name}", f'color: "{tenant.color}"']
    es_body = "\n\n".join(parts + [e for e, _ in embeds]).replace("\x00LINK", es_link)
    hugo_body = "\n\n".join(parts + [h for _, h in embeds]).replace("\x00LINK", hugo_link)
    return ("---\n" + "\n".join(es_front) + "\n---\n" + es_body + "\n",
            "---\n" + "\n".join(hugo_front) + "\n---\n" + hugo_body + "\n")


# ---------------------------------------------------------------- shared templates

FOOTER_MUSTACHE = """<footer class="es-footer">
<p>{{tenant.name}}</p>
<p>Video assistance pages generated for the support desk.</p>
</footer>
"""

HUGO_CONFIG = """baseURL = "https://bench.example/"
languageCode = "en"
title = "embedsmith benchmark"
disableKinds = ["taxonomy", "term", "RSS"]
[markup.tableOfContents]
  startLevel = 2
  endLevel = 3
[markup.highlight]
  codeFences = {highlight}
"""

HUGO_HEAD = """<!DOCTYPE html>
<html lang="{{ with .CurrentSection.Params.locale }}{{ . }}{{ else }}en{{ end }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ with .CurrentSection.Params.tenant_name }}{{ . }}{{ else }}{{ .Site.Title }}{{ end }}</title>
{{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="/assets/site.css">
<style>:root { --es-primary: {{ with .CurrentSection.Params.color }}{{ . | safeCSS }}{{ else }}#0b5fff{{ end }}; }</style>
</head>
"""

HUGO_HEADER = """<header class="es-header"><a href="{{ .CurrentSection.RelPermalink }}">{{ .CurrentSection.Params.tenant_name }}</a>
<nav><ul>{{ $current := . }}{{ range .CurrentSection.RegularPages.ByWeight }}<li><a href="{{ .RelPermalink }}"{{ if eq . $current }} aria-current="page"{{ end }}>{{ .Title }}</a></li>{{ end }}</ul></nav>
</header>
"""

HUGO_FOOTER = """<footer class="es-footer">
<p>{{ .CurrentSection.Params.tenant_name }}</p>
<p>Video assistance pages generated for the support desk.</p>
</footer>
"""

HUGO_SINGLE = """{{ partial "head.html" . }}
<body>
{{ partial "header.html" . }}
<main id="main" class="es-main">
<h1>{{ .Title }}</h1>
{{ if .Params.toc }}{{ .TableOfContents }}{{ end }}
{{ .Content }}
{{ with .Params.agent_url }}<div class="es-agent"><iframe src="{{ . }}" title="Agent" allow="camera; microphone; display-capture" referrerpolicy="no-referrer"></iframe></div>{{ end }}
<p class="es-meta">{{ .WordCount }} words · {{ .ReadingTime }} min</p>
<nav class="es-prevnext">{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
</main>
{{ partial "footer.html" . }}
</body>
</html>
"""

HUGO_LIST = """{{ partial "head.html" . }}
<body>
{{ partial "header.html" . }}
<main id="main" class="es-main">
<h1>{{ .Title }}</h1>
{{ if .Params.toc }}{{ .TableOfContents }}{{ end }}
{{ .Content }}
<ul class="es-pages">
{{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span>{{ .WordCount }} words</span><p>{{ .Summary | plainify | truncate 160 }}</p></li>
{{ end }}</ul>
</main>
{{ partial "footer.html" . }}
</body>
</html>
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate(tenants, pages, seed, out):
    if tenants < 1 or pages < 1:
        raise ValueError("--tenants and --pages must be at least 1")
    r = random.Random(seed)
    shutil.rmtree(out, ignore_errors=True)
    es = os.path.join(out, "embedsmith")
    hugo = os.path.join(out, "hugo")
    write(os.path.join(es, "templates", "partials", "footer.mustache"), FOOTER_MUSTACHE)
    write(os.path.join(hugo, "hugo.toml"), HUGO_CONFIG.format(highlight="false"))
    write(os.path.join(hugo, "hugo-highlight.toml"), HUGO_CONFIG.format(highlight="true"))
    write(os.path.join(hugo, "layouts", "_default", "single.html"), HUGO_SINGLE)
    write(os.path.join(hugo, "layouts", "_default", "list.html"), HUGO_LIST)
    write(os.path.join(hugo, "layouts", "partials", "head.html"), HUGO_HEAD)
    write(os.path.join(hugo, "layouts", "partials", "header.html"), HUGO_HEADER)
    write(os.path.join(hugo, "layouts", "partials", "footer.html"), HUGO_FOOTER)
    write(os.path.join(hugo, "static", "assets", "site.css"), "body { font-family: sans-serif; }\n")
    for t in range(tenants):
        tenant = Tenant(t, r, pages)
        tdir = os.path.join(es, "content", tenant.id)
        write(os.path.join(tdir, "tenant.yaml"), tenant.yaml())
        if tenant.logo:
            write(os.path.join(tdir, "assets", "logo.svg"), tenant.logo_svg())
        for p in range(pages):
            es_text, hugo_text = page(r, tenant, p, pages)
            write(os.path.join(tdir, page_name(p) + ".md"), es_text)
            hugo_file = "_index.md" if p == 0 else page_name(p) + ".md"
            write(os.path.join(hugo, "content", tenant.id, hugo_file), hugo_text)
    return es, hugo


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tenants", type=int, default=2000)
    ap.add_argument("--pages", type=int, default=5, help="pages a tenant (index.md + page1..)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    try:
        generate(a.tenants, a.pages, a.seed, a.out)
    except ValueError as e:
        ap.error(str(e))


if __name__ == "__main__":
    main()
