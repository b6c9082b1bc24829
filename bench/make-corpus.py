#!/usr/bin/env python3
"""Writes a seeded embedsmith project of N tenants x M pages for the check benchmark.

Every tenant gets a tenant.yaml with the Apizee features (web-agent, Apizee Embed, loaderAgent,
quick invitation, console CNAME) and M pages: an index, an invitation page, the four agent
layouts, then Markdown pages with headings, lists, links, quotes, code and `embed` blocks
(quick-invitation buttons and room links). The project's embedsmith.yaml lists each tenant's
console CNAME, so `embedsmith check` of the built site is expected to be clean.

usage: make-corpus.py --tenants 250 --pages 40 --seed 42 --out DIR
"""
import argparse
import os
import random
import shutil

WORDS = ("agent customer video session invitation phone camera support ticket claim policy contract "
         "garage window damage photo expert callback schedule record consent screen share device "
         "network browser microphone quality summary report reference service team region").split()
FIRST = ["Jane", "Paul", "Amina", "Lucas", "Chloé", "Omar", "Sofia", "Hugo", "Nina", "Igor"]
LAST = ["Martin", "Durand", "Bernard", "Petit", "Moreau", "Garcia", "Roux", "Fournier"]


def sentence(r, n=None):
    n = n or r.randint(8, 18)
    words = [r.choice(WORDS) for _ in range(n)]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(r):
    return " ".join(sentence(r) for _ in range(r.randint(2, 5)))


def phone(r):
    return "+336" + "".join(str(r.randint(0, 9)) for _ in range(8))


def tenant_yaml(t, r, locale):
    return f"""# generated tenant {t}
name: Tenant {t} {r.choice(LAST)} Insurance
locale: {locale}
baseURL: https://support.t{t}.example/
theme:
  primaryColor: "#{r.randint(0, 0xFFFFFF):06x}"
apizee:
  apiKey: key{t:04d}Demo
  webAgent:
    conversation: Support-T{t}
    agentName: Agent {r.choice(FIRST)}
    locale: {locale}
    logLevel: warn
  embed:
    identificationKey: ik-t{t:04d}
    conversation: Embed-T{t}
    externalReferences: [{{ name: ticketId, reference: "{r.randint(1000, 99999)}" }}]
  loaderAgent:
    agentInfoEndpoint: /api/apizee/me
  quickInvitation:
    variant: {"legacy" if t % 7 == 3 else "current"}
    serviceKey: {"".join(r.choice("0123456789abcdef") for _ in range(32))}
  console:
    host: apizee.t{t}.example
security:
  frameAncestors: ["'self'", https://crm.t{t}.example]
"""


def embed_block(r, t, variant):
    if r.random() < 0.5:
        lines = ["```embed quick-invitation", f"label: Call {r.choice(FIRST)} {r.choice(LAST)}",
                 f"reference: CASE-{t}-{r.randint(1, 99999)}"]
        if variant == "legacy":
            lines += [f'phone: "{phone(r)}"', f"name: {r.choice(FIRST)} {r.choice(LAST)}"]
        else:
            lines += [f'phones: ["{phone(r)}"]']
            if r.random() < 0.4:
                lines += [f"emails: [{r.choice(FIRST).lower().replace('é', 'e')}.{r.choice(LAST).lower()}@example.com]"]
        return "\n".join(lines + ["```"])
    host = r.choice(["cloud.apizee.com", "app.apizee.com", f"apizee.t{t}.example"])
    return f"```embed room-link\nurl: https://{host}/room/t{t}-{r.randint(1, 99999)}\nlabel: Join room {r.randint(1, 999)}\n```"


def content_page(r, t, p, variant, page_count):
    parts = [f"---\ntitle: {sentence(r, 3)[:-1]} {p}\ndescription: {sentence(r, 10)}\nweight: {p}\n---"]
    for s in range(r.randint(2, 4)):
        parts.append(f"## {sentence(r, 4)[:-1]}")
        parts.append(paragraph(r))
        if r.random() < 0.6:
            parts.append("\n".join(f"{i + 1}. {sentence(r, 6)}" for i in range(r.randint(2, 5))))
        if r.random() < 0.4:
            parts.append("\n".join(f"- *{r.choice(WORDS)}*: {sentence(r, 7)} See [page {q}](page{q}.html)."
                                   for q in r.sample(range(6, max(7, page_count)), min(3, max(1, page_count - 6)))))
        if r.random() < 0.3:
            parts.append(f"> {sentence(r)}")
        if r.random() < 0.2:
            parts.append("```text\n" + "\n".join(f"{r.choice(WORDS)}={r.randint(0, 999)}" for _ in range(3)) + "\n```")
        if r.random() < 0.35:
            parts.append(f"More about {r.choice(WORDS)} on the [vendor site](https://www.apizee.com/{r.choice(WORDS)}).")
        if r.random() < 0.5:
            parts.append(embed_block(r, t, variant))
    return "\n\n".join(parts) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tenants", type=int, default=250)
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    if a.pages < 6:
        ap.error("--pages must be at least 6 (index, invite and the four agent layouts)")
    r = random.Random(a.seed)
    shutil.rmtree(a.out, ignore_errors=True)
    hosts = []
    for t in range(a.tenants):
        d = os.path.join(a.out, "content", f"t{t:04d}")
        os.makedirs(d)
        locale = "fr" if t % 3 == 0 else "en"
        variant = "legacy" if t % 7 == 3 else "current"
        hosts.append(f"apizee.t{t}.example")
        with open(os.path.join(d, "tenant.yaml"), "w") as f:
            f.write(tenant_yaml(t, r, locale))
        fixed = {
            "index.md": f"---\ntitle: Video assistance\nweight: 0\n---\n{paragraph(r)}\n\n{embed_block(r, t, variant)}\n",
            "invite.md": f"---\ntitle: Invite a customer\nlayout: invite\nweight: 1\ninvitation:\n  reference: CASE-{t}\n"
                         + (f'  phone: "{phone(r)}"\n' if variant == "legacy" else f'  phones: ["{phone(r)}"]\n')
                         + f"---\n{paragraph(r)}\n",
            "agent.md": f"---\ntitle: Agent workspace\nlayout: agent\nweight: 2\n---\n{paragraph(r)}\n",
            "embed.md": f"---\ntitle: Apizee Embed\nlayout: embed-agent\nweight: 3\n---\n{paragraph(r)}\n",
            "console.md": f"---\ntitle: Console\nlayout: console\nweight: 4\n---\n{paragraph(r)}\n",
            "loader.md": f"---\ntitle: Agent (loader)\nlayout: loader-agent\nweight: 5\n---\n{paragraph(r)}\n",
        }
        for name, text in fixed.items():
            with open(os.path.join(d, name), "w") as f:
                f.write(text)
        for p in range(6, a.pages):
            with open(os.path.join(d, f"page{p}.md"), "w") as f:
                f.write(content_page(r, t, p, variant, a.pages))
    with open(os.path.join(a.out, "embedsmith.yaml"), "w") as f:
        f.write("# generated: each tenant's Apizee console CNAME may be framed\ncheck:\n  frameHosts:\n")
        f.write("".join(f"    - {h}\n" for h in hosts))


if __name__ == "__main__":
    main()
