// Generated from docs/rules/*.md by RuleDocsTests: run `EMBEDSMITH_RECORD=1 swift test --filter RuleDocs`. Do not edit.

/// The documentation page of every rule, compiled into the tool for `embedsmith explain`.
public enum RuleDocs {
    public static let pages: [String: String] = [
        "allow-feature": #"""
# allow-feature

**iframe `allow` names only known, non-retired Permissions Policy features.** Error.

## Why

Browsers parse `allow` feature by feature and skip a name they do not know *silently*: a
misspelt `camra` leaves the video app without a camera and nothing says why. Retired names
(`document-domain`, `window-placement`, now `window-management`) are ignored the same way.

## What it checks

Each `;`-separated directive of `<iframe allow>` starts with a feature of the W3C Permissions
Policy registry (the 79 names of `features.md`), not a retired one. A feature written twice is
a warning (only the first counts).

## Examples

```html novalid
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k" allow="camra; microphone"></iframe>
```

```html novalid
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k" allow="window-placement"></iframe>
```

```html haswarn
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k" allow="camera; camera"></iframe>
```

```html isvalid
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k" allow="autoplay; microphone; camera; display-capture; encrypted-media; clipboard-write"></iframe>
```

"""#,
        "allow-origin": #"""
# allow-origin

**iframe `allow` delegates features to the frame's own origin only.** Error
(`allowfullscreen` is a warning).

## Why

`camera *` hands the camera to whatever origin the frame navigates to next. `camera 'self'`
names *this page's* origin, so a cross-origin vendor frame does not get the camera at all.
And an origin that differs from the frame's (`https://dialogs.pro` while the frame loads
`https://new.dialogs.pro`) grants the feature to someone else and not to the frame. An empty
allowlist means the frame's own `src` origin, which is what a vendor frame needs.

## What it checks

For each feature of `<iframe allow>`: no `*`; no `'self'` on a cross-origin frame; every
written origin parses and equals the origin of the frame's `src`. `'src'` and `'none'` are fine.
Browsers drop a member that is not a URL with an origin, a `blob:` or `filesystem:` URL, or a
URL with user info (`https://user@host`): an error. A feature is granted when *any* member
matches the frame (`*`, `'src'`, an empty list, or its origin): another origin next to the
frame's own is a warning (the frame still gets the feature), an error only when nothing
grants it to the frame.
`allowfullscreen` (which means `fullscreen *` unless `allow` names `fullscreen`) is a warning.

## Examples

```html novalid
<iframe title="Chat" src="https://dialogs.pro/" allow="camera blob:https://dialogs.pro/x"></iframe>
```

```html haswarn
<iframe title="Chat" src="https://dialogs.pro/" allow="camera https://other.example https://dialogs.pro"></iframe>
```

```html novalid
<iframe title="Chat" src="https://dialogs.pro/" allow="camera *"></iframe>
```

```html novalid
<iframe title="Chat" src="https://new.dialogs.pro/" allow="camera https://dialogs.pro/"></iframe>
```

```html novalid
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k" allow="camera 'self'"></iframe>
```

```html haswarn
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k" allowfullscreen></iframe>
```

```html isvalid
<iframe title="Chat" src="https://dialogs.pro/" allow="camera https://dialogs.pro/; microphone 'src'; clipboard-write"></iframe>
```

"""#,
        "apizee-embed-params": #"""
# apizee-embed-params

**Apizee Embed URLs carry `iK` and `cN`, and `eR` is a JSON array of `{name, reference}`.**
Error (unknown parameters and languages are warnings).

## Why

The Apizee Embed agent app (`https://app.apizee.com/agent/`) requires the company
identification key `iK` and the conversation name `cN`. External references `eR` must be
`encodeURIComponent(JSON.stringify([{name, reference}, …]))`; anything else is lost.

## Examples

```html novalid
<iframe title="Agent" src="https://app.apizee.com/agent/?cN=Support"></iframe>
```

```html novalid
<iframe title="Agent" src="https://app.apizee.com/agent/?iK=ik&amp;cN=S&amp;eR=ticketId:12345"></iframe>
```

```html haswarn
<iframe title="Agent" src="https://app.apizee.com/agent/?iK=ik&amp;cN=S&amp;lang=fr"></iframe>
```

```html isvalid
<iframe title="Agent" src="https://app.apizee.com/agent/?iK=ik&amp;cN=S&amp;l=fr&amp;eR=%5B%7B%22name%22%3A%22ticketId%22%2C%22reference%22%3A%2212345%22%7D%5D"></iframe>
```

"""#,
        "bridge-before-frame": #"""
# bridge-before-frame

**The host bridge script runs before any agent frame (web-agent, Apizee Embed).** Error.

## Why

The web-agent and Apizee Embed apps post a single `ready` message when they mount, and never
again; there is no way to ask "are you ready?". If the page's `message` listener is registered
after the frame loaded, `ready` is lost and the page never sends its configuration. The
listener must exist before the frame can load: the bridge script comes first in document order
and is a plain script (not `defer`, `async` or a module, which run later).

## What it checks

On pages that have a bridge (embedsmith's `embedsmith-bridge.<hash>.js`, or an inline script
that adds a `message` listener), every web-agent or Apizee Embed `<iframe>` comes after a
bridge that runs at once.

## Examples

```html novalid
<body><iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k"></iframe>
<script src="assets/embedsmith/embedsmith-bridge.18d82fed2b.js"></script></body>
```

```html novalid
<head><script src="assets/embedsmith/embedsmith-bridge.18d82fed2b.js" defer></script></head>
<body><iframe title="Agent" src="https://app.apizee.com/agent/?iK=k&amp;cN=c"></iframe></body>
```

```html isvalid
<head><script src="assets/embedsmith/embedsmith-bridge.18d82fed2b.js"></script></head>
<body><iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k"></iframe></body>
```

"""#,
        "chatapp-params": #"""
# chatapp-params

**ChatApp Dialog URLs use known bracket parameters, encoded, with a known messenger type.**
Error (unknown parameters and unencoded brackets are warnings).

## Why

ChatApp's Dialog (`https://dialogs.pro/`, also served at `https://new.dialogs.pro/`) reads PHP-style bracket parameters:
`api[license_id]`, `api[messenger_type]`, `api[crm_domain]`, `api[employee_ext_code]`,
`crm[phones][N]`, `crm[dialogIds][N]`. Lists need explicit indices (`crm[phones][0]`, not
`crm[phones][]`), the licence is a number, phones are digits in international form without `+`,
and the messenger type must be one ChatApp knows (`grWhatsApp`, `telegram`, plus the types a
project adds). The vendor builds these URLs with PHP's `http_build_query`, which encodes the
brackets (`api%5Blicense_id%5D`): unencoded brackets work on ChatApp's server but are not what
it documents, and some proxies and URL tools mangle them.

`api[access_token]` is a secret: [url-secret](url-secret.md) reports it.

## Examples

```html novalid
<iframe title="Chat" src="https://dialogs.pro/?api%5Blicense_id%5D=30310&amp;api%5Bmessenger_type%5D=viber"></iframe>
```

```html novalid
<iframe title="Chat" src="https://dialogs.pro/?crm%5Bphones%5D%5B%5D=79999999999"></iframe>
```

```html novalid
<iframe title="Chat" src="https://dialogs.pro/?crm%5Bphones%5D%5B0%5D=%2B7-999-999-99-99"></iframe>
```

```html haswarn
<iframe title="Chat" src="https://dialogs.pro/?api[license_id]=30310&amp;api[messenger_type]=grWhatsApp"></iframe>
```

```html isvalid
<iframe title="Chat" src="https://dialogs.pro/?crm%5Bphones%5D%5B0%5D=79999999999&amp;api%5Blicense_id%5D=30310&amp;api%5Bmessenger_type%5D=grWhatsApp"></iframe>
```

## Configuration

Other messenger types your account uses (`telegramBot`, `avito`…) go under
`check.messengerTypes` in `embedsmith.yaml`.

"""#,
        "csp-allowlist-bypass": #"""
# csp-allowlist-bypass

**The CSP allowlists no host that serves JSONP endpoints or old AngularJS files (in
`script-src`), or Flash files (in `object-src`).** Error.

## Why

An allowlist trusts every file of a host. If the host answers JSONP
(`/endpoint?callback=alert(1)//` returns script that calls the attacker's code) or serves an
old AngularJS build (whose template syntax runs expressions from the page's markup), an
attacker who can inject HTML runs code through the host the policy trusts, without any
`'unsafe-inline'`. The hosts are Google's CSP Evaluator's lists (github.com/google/csp-evaluator
at d5cddb91, `allowlist_bypasses/`; the copy embedsmith checks against is in
`Tests/Fixtures/shared-data/csp-evaluator/`): `*.google.com`, `ajax.googleapis.com`,
`gstatic.com` and about 160 more. Some JSONP hosts (Google Tag Manager, Google Analytics) are
only a bypass with `'unsafe-eval'`, as the evaluator says. `'strict-dynamic'` makes the
allowlist inert; a list holding `'none'` is left to `csp-syntax` (browsers ignore that
`'none'`), as the evaluator does. Findings `allowlist-bypass` and `flash-bypass` of the
evaluator, HIGH.

## Examples

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' *.google.com; base-uri 'none'"></head>
```

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src https://ajax.googleapis.com; base-uri 'none'"></head>
```

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; object-src https://*.googleapis.com; base-uri 'none'"></head>
```

```html isvalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-r4nd0mr4nd0m' 'strict-dynamic' *.google.com; base-uri 'none'"></head>
```

```html isvalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src https://www.google-analytics.com; base-uri 'none'"></head>
```

"""#,
        "csp-broad-source": #"""
# csp-broad-source

**`script-src` (or the `default-src` it falls back to), `object-src` and `base-uri` name exact
hosts, never `*` or a whole scheme.** Error.

## Why

`*`, `https://*` or a scheme source (`https:`, `http:`, `data:`, `blob:`, `filesystem:`)
allows any server of that kind, an attacker's included: an injected
`<script src="https://attacker.example/x.js">` runs, a `data:` URL runs whatever text it
carries. In `object-src` the same holds for plugin content, and in `base-uri` an injected
`<base>` moves every relative script to the attacker's host. These are Google's CSP
Evaluator's HIGH findings `wildcard-script`, `scheme-script`, `wildcard-object`,
`scheme-object`, `wildcard-base-uri` and `scheme-base-uri`. `'strict-dynamic'` makes host and
scheme sources of `script-src` inert (CSP3: only nonces, hashes and the scripts they load
count), so they are not reported there. With several policies, one that restricts the same
directive without a broad source blocks what the other allows, and nothing is reported.

## Examples

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' https:; base-uri 'none'"></head>
```

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src *; base-uri 'none'"></head>
```

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; object-src data:"></head>
```

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri https://*"></head>
```

```html isvalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src https://cdn.apirtc.com; img-src https:; base-uri 'none'"></head>
```

```html isvalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-r4nd0mr4nd0m' 'strict-dynamic' https:; base-uri 'none'"></head>
```

```html isvalid
<head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src https:; base-uri 'none'">
<meta http-equiv="Content-Security-Policy" content="script-src 'self'">
</head>
```

"""#,
        "csp-frame-src": #"""
# csp-frame-src

**CSP `frame-src` covers every iframe's URL, with exact origins.** Error (broad sources are
warnings).

## Why

A frame the policy does not allow is blank: the agent sees an empty box. The directive that
decides is `frame-src`, else `child-src`, else `default-src`. Allowing `*` or a whole scheme
(`https:`) lets any injected frame load, which defeats the point of listing the vendors.

## What it checks

For each applied CSP `<meta>`: every `<iframe src>` and `<frame src>` matches the directive
that governs frames (host, scheme, port and path as CSP3 matches them; `'self'` is the page's
origin from `<link rel="canonical">`). Sources `*`, `https:`, `http:`, `data:`, `blob:` are
warnings, and so is a policy with no directive for frames at all on a page that has frames.

## Examples

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; frame-src https://app.apizee.com"></head>
<body><iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k"></iframe></body>
```

```html haswarn
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; frame-src https:"></head>
<body><iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k"></iframe></body>
```

```html isvalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; frame-src https://apirtc.github.io"></head>
<body><iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k"></iframe></body>
```

"""#,
        "csp-meta-placement": #"""
# csp-meta-placement

**The CSP `<meta>` is in `<head>` before any script, link or style, without
`frame-ancestors`, `report-uri` or `sandbox`.** Error.

## Why

A `<meta>` policy only governs what the parser meets *after* it, and only in `<head>`;
`Content-Security-Policy-Report-Only` is not supported in a `<meta>` at all. Browsers also
ignore `frame-ancestors`, `report-uri` and `sandbox` there: a page that relies on
`frame-ancestors` in its `<meta>` can be framed by anyone (clickjacking). Those belong in the
HTTP header.

## Examples

```html novalid
<head><script src="app.js"></script><meta http-equiv="Content-Security-Policy" content="default-src 'self'"></head>
```

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; frame-ancestors 'none'"></head>
```

```html novalid
<body><meta http-equiv="Content-Security-Policy" content="default-src 'self'"></body>
```

```html isvalid
<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'"><script src="app.js"></script></head>
```

"""#,
        "csp-missing-directive": #"""
# csp-missing-directive

**The page's Content-Security-Policy restricts scripts and plugins, and sets `base-uri` when
it trusts nonces.** Error.

## Why

Without `script-src` (and without the `default-src` it falls back to) a policy does not
restrict scripts at all: every injected `<script>` runs. Without `object-src` (or
`default-src`), an injected `<object>` or `<embed>` loads any plugin content. A policy that
allows scripts by nonce (or by hash with `'strict-dynamic'`) still lets an injected
`<base href="https://attacker.example/">` move every relative `<script src>` to another host,
unless `base-uri` is set. These are Google's CSP Evaluator's HIGH findings `missing-script-src`,
`missing-object-src` and `missing-base-uri`; like the evaluator, a hash policy without
`'strict-dynamic'` does not need `base-uri` (a hash pins the script's content, wherever it
comes from). With several policies (several `<meta>`s), a directive in any of them counts:
a browser enforces them all.

## Examples

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="frame-src https://dialogs.pro; object-src 'none'"></head>
```

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="script-src 'self'; base-uri 'none'"></head>
```

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="script-src 'nonce-r4nd0mr4nd0m'; object-src 'none'"></head>
```

```html isvalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; base-uri 'none'"></head>
```

```html isvalid
<head>
<meta http-equiv="Content-Security-Policy" content="script-src 'self'">
<meta http-equiv="Content-Security-Policy" content="object-src 'none'">
</head>
```

"""#,
        "csp-present": #"""
# csp-present

**The page has a Content-Security-Policy `<meta>` in `<head>`.** Error.

## Why

Without a policy, any script or frame injected into the page (through a template mistake, a
compromised CMS field, a stored XSS in the content) runs with the page's origin and everything
the page delegates to vendor frames. A static page can carry its policy itself, so every
embed page should. (The `_headers` file embedsmith writes repeats it as an HTTP header, which
can also carry `frame-ancestors`.)

## Examples

```html novalid
<!DOCTYPE html><html lang="en"><head><title>No policy</title></head><body><p>x</p></body></html>
```

```html isvalid
<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>t</title></head><body></body></html>
```

"""#,
        "csp-script-hash": #"""
# csp-script-hash

**Every inline script is allowed by the hash of its exact text, and every hash in
`script-src` matches a script of the page.** Error; an unused hash is a note.

## Why

Under a strict policy an inline script runs only if `script-src` (or `script-src-elem`, or
`default-src`) lists the base64 SHA-256, SHA-384 or SHA-512 of its exact text, whitespace
included. Edit one character, or let a minifier touch the page, and the script silently stops
running. A hash that matches no script of the page may serve a script added at run time
(by a script the page trusts), or be a leftover that allows code nobody reviews: a note, to
look at, not an instruction to delete it. Data blocks such as `<script type="application/json">`
do not run and need no hash, and neither does an empty `<script></script>` (it never runs, so
CSP never blocks it; `<script> </script>` is checked).

A nonce allows a script only if the element is nonceable (CSP3 "Is element nonceable?"): an
attribute name or value holding `<script` or `<style` means a dangling-markup injection may
have taken over a nonced start tag, and browsers refuse the nonce. (A duplicate attribute
does too; the HTML parser keeps only the first, so the checker cannot see it.)

A hash can also allow an external script through its `integrity` (CSP3; Chrome 59, Firefox
116, Safari 15.6): generated pages allow the bridge that way instead of with `'self'`. Such a
hash counts as used.

## Examples

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="script-src 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='"><script>start()</script></head>
```

```html hasnote
<head><meta http-equiv="Content-Security-Policy" content="script-src 'self' 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='"></head>
```

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="script-src 'nonce-r4nd0mr4nd0m'"></head>
<body><script nonce="r4nd0mr4nd0m" title="<script src=x>">run()</script></body>
```

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="script-src 'self'"></head>
<body><script> </script></body>
```

```html isvalid
<head><meta http-equiv="Content-Security-Policy" content="script-src 'self'"></head>
<body><script></script></body>
```

```html isvalid
<head><meta http-equiv="Content-Security-Policy" content="script-src 'sha256-DIm7WJS6ZKDYe5qFLPy+h4JFI9Bol5QmYC57mt3Fb00='"><script>start()</script><script type="application/json">{"a":1}</script></head>
```

```html isvalid
<head><meta http-equiv="Content-Security-Policy" content="script-src 'sha384-ZD9ZnjE/hqTDEw6/rhcLWzw72gNHam9olfUibARpCPwATLG9ACJunN/QENKm8Gk7'">
<script src="assets/embedsmith/embedsmith-bridge.18d82fed2b.js" integrity="sha384-ZD9ZnjE/hqTDEw6/rhcLWzw72gNHam9olfUibARpCPwATLG9ACJunN/QENKm8Gk7"></script></head>
```

"""#,
        "csp-syntax": #"""
# csp-syntax

**The CSP has only known directives and well-formed sources.** Errors for what makes the
policy differ from what it says; warnings for likely slips.

## Why

Browsers skip what they cannot parse, silently (a console message at most), so a typo
weakens the policy without anyone noticing:

- an unknown directive (`scirpt-src`) is ignored, and its sources with it: error;
- a source that is no CSP3 source expression is skipped: a quoted token that is no keyword,
  nonce or hash (`'nonce-invalid$'`: CSP3 nonces and hashes are base64, so such a "nonce"
  leaves `'unsafe-inline'` in force), or a host that does not parse (`https://`, `//*`): error;
- `'none'` next to other sources is ignored (CSP3 honours it only alone), so
  `script-src 'none' https://cdn.example` allows that host: error;
- an unquoted keyword (`self`, `nonce-…`, `strict-dynamic`) is a host name to a browser:
  warning;
- a directive written twice: browsers use the first one: warning;
- a retired directive (`block-all-mixed-content`, `plugin-types`, `prefetch-src`,
  `navigate-to`…) is no longer enforced: warning.

Directives a `<meta>` cannot carry (`frame-ancestors`, `report-uri`, `sandbox`) are
`csp-meta-placement`'s.

## Examples

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'nonce-invalid$'; base-uri 'none'"></head>
```

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; scirpt-src 'self'; base-uri 'none'"></head>
```

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none' https://cdn.apirtc.com; base-uri 'none'"></head>
```

```html haswarn
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src self; base-uri 'none'"></head>
```

```html haswarn
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; img-src https:; base-uri 'none'"></head>
```

```html isvalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'sha256-DIm7WJS6ZKDYe5qFLPy+h4JFI9Bol5QmYC57mt3Fb00='; base-uri 'none'; upgrade-insecure-requests"></head>
```

"""#,
        "csp-unsafe-eval": #"""
# csp-unsafe-eval

**The CSP does not allow `'unsafe-eval'`.** Error.

## Why

`'unsafe-eval'` in `script-src` (or in the `default-src` it falls back to) lets strings run as
code: `eval()`, `new Function()`, `setTimeout("…")`. Any text an attacker gets into one of
them (a URL fragment, a message, a stored value) becomes script, and it makes some allowlisted
JSONP hosts a bypass (see `csp-allowlist-bypass`). Google's CSP Evaluator rates it
MEDIUM_MAYBE; for pages that embed third parties with the visitor's session, embedsmith makes
it an error. `'wasm-unsafe-eval'` only allows compiling WebAssembly and is fine.

## Examples

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'unsafe-eval'; base-uri 'none'"></head>
```

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'self' 'unsafe-eval'; base-uri 'none'"></head>
```

```html isvalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; base-uri 'none'"></head>
```

"""#,
        "csp-unsafe-inline": #"""
# csp-unsafe-inline

**The CSP never allows inline script or style with `'unsafe-inline'`.** Error for scripts
where it is in force; warnings for styles, and for an `'unsafe-inline'` that hashes, nonces or
another policy already neutralise.

## Why

`'unsafe-inline'` in `script-src` lets any injected `<script>` or `onclick` run: the policy
stops nothing that matters. Next to a hash or nonce, current browsers ignore it (only very old
ones obey it), which is harmless but misleading. In `style-src` it lets injected CSS restyle or
hide parts of the page. Only well-formed nonces and hashes neutralise it: `'nonce-invalid$'`
is no CSP3 nonce (`csp-syntax` reports it), so `'unsafe-inline'` stays in force next to it.
`script-src-elem` and `script-src-attr` are checked too (Google's CSP Evaluator:
`unsafe-inline-script`, HIGH). With several policies, inline script runs only if every one
allows it. A policy without any `script-src` is `csp-missing-directive`'s.

## Examples

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline'"></head>
```

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'unsafe-inline' 'nonce-invalid$'"></head>
```

```html haswarn
<head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self'">
<meta http-equiv="Content-Security-Policy" content="script-src 'self'">
</head>
```

```html haswarn
<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self' 'unsafe-inline'"></head>
```

```html isvalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'"></head>
```

"""#,
        "headers-frame-ancestors": #"""
# headers-frame-ancestors

**A page under a `_headers` file is served with `frame-ancestors` (or `X-Frame-Options`) on
every host and at every URL the host serves it at.** Error; also for `frame-ancestors *`,
`https:` or `http:`.

## Why

A `<meta>` policy cannot carry `frame-ancestors` (browsers ignore it there), so the
`Content-Security-Policy` header from `_headers` is the only thing that decides which sites may
frame an embed page. Without it, any site can frame the page and trick the visitor into
clicking through it (clickjacking).

`embedsmith check` reads a `_headers` file at the root of a checked folder, or of a folder in
it (the generator writes `site/<tenant>/_headers`), and computes each page's headers as both
hosts apply them (Netlify: docs.netlify.com/routing/headers; Cloudflare Pages:
developers.cloudflare.com/pages/configuration/headers): every rule whose path matches, `*`
splats and `:placeholder`s, a header set twice joined with a comma, Cloudflare's `! Name`
detaching. It checks every URL form: Cloudflare Pages serves `p.html` only at `/p` (it
redirects `/p.html` there, developers.cloudflare.com/pages/configuration/serving-pages), so a
rule written for `/p.html` alone never applies there; Netlify serves it at both. The folder's
base path comes from the page's `<link rel="canonical">` (a tenant at
`https://example.com/video/` has rules for `/video/…`).

## Examples

```headers
/index.html
  Content-Security-Policy: frame-ancestors 'self' https://crm.acme.example
```

```html novalid
<head><title>t</title></head>
```

```headers
/*
  X-Content-Type-Options: nosniff
```

```html novalid
<head><title>t</title></head>
```

```headers
/*
  Content-Security-Policy: frame-ancestors *
```

```html novalid
<head><title>t</title></head>
```

```headers
/*
  Content-Security-Policy: frame-ancestors 'self' https://crm.acme.example
```

```html isvalid
<head><title>t</title></head>
```

"""#,
        "headers-nosniff": #"""
# headers-nosniff

**A page under a `_headers` file is served with `X-Content-Type-Options: nosniff` on every
host and at every URL the host serves it at.** Error.

## Why

Without `nosniff`, a browser may guess a response's type from its bytes: a tenant's uploaded
file that looks like HTML or script can be run as such. The generator sets it on `/*`; a
hand-written `_headers` often sets it on one path only, or on `/p.html` while Cloudflare Pages
serves the page at `/p` (see `headers-frame-ancestors` for how `_headers` is read).

## Examples

```headers
/index.html
  X-Content-Type-Options: nosniff
```

```html novalid
<head><title>t</title></head>
```

```headers
/*
  X-Content-Type-Options: nosniff
```

```html isvalid
<head><title>t</title></head>
```

"""#,
        "headers-permissions-delegation": #"""
# headers-permissions-delegation

**The `Permissions-Policy` header (from `_headers`) grants every feature an iframe's `allow`
delegates, to that frame's origin.** Error.

## Why

`<iframe allow="camera">` can only pass on what the page itself holds. When the page's
`Permissions-Policy` header lists a feature, only the origins in that list hold it:
`camera=()` or `camera=(self)` leaves a vendor frame without the camera whatever `allow` says,
and the browser tells the page nothing (the video call just fails). A feature the header does
not list keeps its default (`self`), which `allow` can delegate. A feature is granted when any
member of its allowlist matches: `*` or the frame's origin.

## Examples

```headers
/*
  Permissions-Policy: camera=(), microphone=(self "https://apirtc.github.io")
```

```html novalid
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k&amp;cN=c" allow="camera; microphone"></iframe>
```

```headers
/*
  Permissions-Policy: camera=(self "https://apirtc.github.io"), microphone=*
```

```html isvalid
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k&amp;cN=c" allow="camera; microphone"></iframe>
```

```headers
/*
  Permissions-Policy: geolocation=()
```

```html isvalid
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k&amp;cN=c" allow="camera; microphone"></iframe>
```

"""#,
        "iframe-src": #"""
# iframe-src

**iframe src is an https URL on an allowed vendor host, as a browser parses it.** Error.

## Why

A vendor frame runs the vendor's code with the camera, microphone and screen the page
delegates to it. It must come from the vendor, over https. The host is the one a browser
reads, not the one a person reads: `https://evil.example\@apirtc.github.io/` loads
`evil.example` (a backslash ends the host in http(s) URLs), and `https://apirtc.github.io@evil.example/`
loads `evil.example` too (what comes before `@` is a user name).

## What it checks

Every `<iframe src>` and `<frame src>`:

- is absolute: a relative src frames this site's own page, not a vendor app;
- parses with the WHATWG URL parser; a URL embedsmith cannot check (an internationalized host
  written in Unicode) is an error, never a pass;
- uses `https:`;
- is on an allowed host: the vendors' hosts from embedsmith's vendor knowledge
  (`apirtc.github.io`, `app.apizee.com`, `dialogs.pro`, `chat.chatapp.online`) plus
  `check.frameHosts` in `embedsmith.yaml`;
- is not `cloud.apizee.com`, which cannot be framed: the Apizee console only works through
  the CNAME Apizee authorised for your domain.

`srcdoc` frames get a warning: their HTML has this page's origin and is not checked.
`javascript:`, `data:` and `vbscript:` frames are reported by [url-scheme](url-scheme.md).
A frame without `src` or with `about:blank` loads nothing and is not reported here (a script
that fills it is judged by [sandbox-escape](sandbox-escape.md) and the page's CSP).

## Examples

```html novalid
<iframe title="Agent" src="https://evil.example\@apirtc.github.io/web-agent/?aK=k"></iframe>
```

```html novalid
<iframe title="Agent" src="http://apirtc.github.io/web-agent/?aK=k"></iframe>
```

```html novalid
<iframe title="Console" src="https://cloud.apizee.com/"></iframe>
```

```html novalid
<iframe title="Mine" src="/widgets/agent.html"></iframe>
```

```html haswarn
<iframe title="Inline" srcdoc="<p>hello</p>"></iframe>
```

```html isvalid
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=myDemoApiKey"></iframe>
<iframe title="Placeholder" src="about:blank"></iframe>
```

## Configuration

Your own hosts (an Apizee console CNAME such as `apizee.acme.example`, a self-hosted
web-agent) go under `check.frameHosts` in `embedsmith.yaml`.

"""#,
        "inline-event-handler": #"""
# inline-event-handler

**No inline `on*` event handler attributes.** Error.

## Why

A strict Content-Security-Policy blocks every `onclick`, `onload`, `onerror`… (hashes do not
cover attributes without `'unsafe-hashes'`, which the CSP specification discourages), so an
inline handler is dead code at best, and the first place injected script hides at worst.

## What it checks

Every attribute named `on` followed by letters, on any element, HTML or SVG.

## Examples

```html novalid
<button type="button" onclick="startCall()">Call</button>
```

```html novalid
<svg><animate onbegin="alert(1)" attributeName="x" dur="1s"></animate></svg>
```

```html isvalid
<button type="button" id="call">Call</button>
```

"""#,
        "loading-value": #"""
# loading-value

**`loading` on `<iframe>` and `<img>` is `lazy` or `eager`.** Error.

## Why

Any other value silently means `eager`: a page that meant to delay a heavy vendor frame loads
it at once.

## Examples

```html novalid
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k" loading="later"></iframe>
```

```html isvalid
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k" loading="lazy"></iframe>
```

"""#,
        "meta-refresh": #"""
# meta-refresh

**No `<meta http-equiv="refresh">`.** Error.

## Why

A refresh navigates every visitor, without a click, to the URL it names (or reloads the page
forever). No Content-Security-Policy directive governs it, and browsers obey it in `<body>`
as well as in `<head>`: on a page whose HTML a tenant or a contributor writes, one line sends
every visitor to a file of theirs on the same origin, or to any site. The generator never
writes one, and refuses `<meta>` in a page's raw HTML (`markdown-raw-meta`).
A `javascript:` refresh is also [url-scheme](url-scheme.md)'s.

## What it checks

Every HTML `<meta>` whose `http-equiv` is `refresh` (case and surrounding spaces ignored),
wherever it is in the page.

## Examples

```html novalid
<body><div>Moved. <meta http-equiv="refresh" content="0; url=assets/offer.svg"></div></body>
```

```html novalid
<head><meta http-equiv="Refresh" content="30"></head>
```

```html isvalid
<head><meta name="description" content="refresh"></head><body><a href="new-page.html">This page has moved</a></body>
```

"""#,
        "quick-invitation-params": #"""
# quick-invitation-params

**Apizee quick-invitation links use the keys of their variant, a `reference` of at most 50
characters, and encoded values.** Error (odd phone numbers and e-mails are warnings).

## Why

Apizee has two generations of the invitation form with different keys:

| path | keys |
| --- | --- |
| `/quick-invitation` (current) | `reference`, `service_key`, `phone_numbers`, `email_addresses`, `read_only.service`, `read_only.recipients` |
| `/tickets/quick-invitation` (legacy) | `phone`, `reference`, `name`, `description` |

A key of the other generation is ignored without a word, so the agent gets an empty form.
The form cuts `reference` at 50 characters, ignores a `service_key` that is not 32 letters or
digits, and reads a literal `+` as a space: `phone_numbers=+336…` arrives as ` 336…`, without
its country code.

## Examples

```html novalid
<a href="https://cloud.apizee.com/quick-invitation?phone=%2B33612345678" target="_blank" rel="noopener">Invite</a>
```

```html novalid
<a href="https://cloud.apizee.com/tickets/quick-invitation?phone_numbers=%2B33612345678" target="_blank" rel="noopener">Invite</a>
```

```html novalid
<a href="https://cloud.apizee.com/quick-invitation?reference=THIS-REFERENCE-IS-LONGER-THAN-FIFTY-CHARACTERS-0123456789" target="_blank" rel="noopener">Invite</a>
```

```html novalid
<a href="https://cloud.apizee.com/quick-invitation?phone_numbers=+33612345678" target="_blank" rel="noopener">Invite</a>
```

```html haswarn
<a href="https://cloud.apizee.com/quick-invitation?phone_numbers=0612" target="_blank" rel="noopener">Invite</a>
```

```html isvalid
<a href="https://cloud.apizee.com/quick-invitation?reference=CASE-42&amp;service_key=0123456789abcdef0123456789abcdef&amp;phone_numbers=%2B33612345678,%2B33698765432&amp;read_only.service=true" target="_blank" rel="noopener noreferrer">Invite</a>
```

"""#,
        "referrerpolicy-value": #"""
# referrerpolicy-value

**`referrerpolicy` is a valid Referrer Policy value, and not `unsafe-url`.** Error
(`unsafe-url` is a warning).

## Why

An invalid value is ignored without a word: the element falls back to the document's policy,
so a frame meant to get `no-referrer` receives the page's URL after all. `unsafe-url` sends
the full URL, query included (case references, phone numbers), to every origin.

## What it checks

`referrerpolicy` on `<a>`, `<area>`, `<iframe>`, `<img>`, `<link>` and `<script>` is one of
`""`, `no-referrer`, `no-referrer-when-downgrade`, `same-origin`, `origin`, `strict-origin`,
`origin-when-cross-origin`, `strict-origin-when-cross-origin`, `unsafe-url` (ASCII
case-insensitive).

## Examples

```html novalid
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k" referrerpolicy="no-referer"></iframe>
```

```html haswarn
<a href="https://cloud.apizee.com/quick-invitation?reference=A1" referrerpolicy="unsafe-url">Invite</a>
```

```html isvalid
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k" referrerpolicy="no-referrer"></iframe>
```

"""#,
        "sandbox-conflict": #"""
# sandbox-conflict

**No `allow-top-navigation` together with `allow-top-navigation-by-user-activation`; no
keyword that has no effect.** Error (warnings for keywords without effect).

## Why

The HTML standard says the two top-navigation keywords must not both be given (the Nu HTML
Checker reports it too): only `allow-top-navigation` takes effect, so the frame can navigate
the whole page away without any click, which is rarely what the author meant by adding the
user-activation variant. ChatApp's documented sandbox has both; keep the user-activation
one alone.

`allow-top-navigation-to-custom-protocols` does nothing next to `allow-popups` or
`allow-top-navigation`, and `allow-popups-to-escape-sandbox` does nothing without
`allow-popups`: both are warnings.

## Examples

```html novalid
<iframe title="Chat" src="https://dialogs.pro/" sandbox="allow-scripts allow-top-navigation allow-top-navigation-by-user-activation"></iframe>
```

```html haswarn
<iframe title="Chat" src="https://dialogs.pro/" sandbox="allow-scripts allow-popups-to-escape-sandbox"></iframe>
```

```html haswarn
<iframe title="Chat" src="https://dialogs.pro/" sandbox="allow-popups allow-top-navigation-to-custom-protocols"></iframe>
```

```html isvalid
<iframe title="Chat" src="https://dialogs.pro/" sandbox="allow-scripts allow-popups allow-top-navigation-by-user-activation"></iframe>
```

"""#,
        "sandbox-escape": #"""
# sandbox-escape

**No `allow-scripts` with `allow-same-origin` on a same-origin frame.** Error.

## Why

With both keywords, a framed document that has the page's origin can reach
`parent.document`, remove its iframe's `sandbox` attribute and reload itself: the sandbox is
gone. That is the case for a relative `src`, a `src` on the page's own origin, `srcdoc`, a
frame without `src` (`about:blank`), and `about:`, `data:` or `blob:` frames.

On a cross-origin vendor app (ChatApp Dialog documents both keywords) the pair is what the app
needs to run with its own cookies, and it is no escape: the framed page cannot reach this one,
and the sandbox still blocks what the other keywords do not allow. No finding there. (The Nu
HTML Checker reports the pair whatever the origin; embedsmith's `make test` filters exactly that
message for cross-origin vendor frames.)

## What it checks

`<iframe sandbox>` with both `allow-scripts` and `allow-same-origin`: an error when the frame
shares the page's origin (the page's origin comes from `<link rel="canonical">` when present).
A frame without `src` is `about:blank`, on the page's origin, with one exception: a ChatApp frame
that the embedsmith bridge navigates once it has a live token (its id and URL are in the page's
`embedsmith-config` settings and the page loads the bridge) is judged by the URL it will load;
nothing runs in it before that.

## Examples

```html novalid
<iframe title="Widget" src="/widget.html" sandbox="allow-scripts allow-same-origin"></iframe>
```

```html novalid
<iframe title="Inline" srcdoc="<script>parent.document.title='x'</script>" sandbox="allow-scripts allow-same-origin"></iframe>
```

```html isvalid
<iframe title="Chat" src="https://dialogs.pro/" sandbox="allow-forms allow-scripts allow-same-origin"></iframe>
```

```html isvalid
<iframe title="Chat" src="https://dialogs.pro/" sandbox="allow-forms allow-scripts"></iframe>
```

## Configuration

A reviewed frame can be exempted with `<!-- embedsmith-disable-next-element sandbox-escape -->`
right before it, or the whole rule set to `warning` or `off` under `check.rules`.

"""#,
        "sandbox-token": #"""
# sandbox-token

**iframe sandbox holds only the 13 HTML keywords, each once.** Error.

## Why

Browsers ignore sandbox tokens they do not know (they only log a console message), so a typo
such as `allow-script` silently takes away what the frame needed, and a token from another
specification does nothing in most browsers. The value must be a set: each token once.

## What it checks

Each token of `<iframe sandbox>` (ASCII case-insensitive) is one of `allow-downloads`,
`allow-forms`, `allow-modals`, `allow-orientation-lock`, `allow-pointer-lock`, `allow-popups`,
`allow-popups-to-escape-sandbox`, `allow-presentation`, `allow-same-origin`, `allow-scripts`,
`allow-top-navigation`, `allow-top-navigation-by-user-activation`,
`allow-top-navigation-to-custom-protocols`, and appears once. Tokens met in the wild
(`allow-storage-access-by-user-activation`, `allow-same-site-none-cookies`,
`allow-downloads-without-user-activation`) are reported with what they are.

## Examples

```html novalid
<iframe title="Chat" src="https://dialogs.pro/" sandbox="allow-script allow-forms"></iframe>
```

```html novalid
<iframe title="Chat" src="https://dialogs.pro/" sandbox="allow-forms allow-forms"></iframe>
```

```html novalid
<iframe title="Chat" src="https://dialogs.pro/" sandbox="allow-forms allow-storage-access-by-user-activation"></iframe>
```

```html isvalid
<iframe title="Chat" src="https://dialogs.pro/" sandbox="allow-forms allow-popups allow-scripts"></iframe>
```

"""#,
        "script-integrity": #"""
# script-integrity

**Cross-origin scripts carry a valid `integrity` hash and `crossorigin`, where the content is
fixed.** Error.

## Why

A script from another origin runs with all of the page's power: if that server or CDN is
compromised, so is every page that loads it. Subresource Integrity pins the exact file. The
hash only works with CORS: without `crossorigin` the browser cannot check it and refuses the
script. A malformed `integrity` also makes the browser refuse the script.

Some vendor scripts change under the same URL, so no hash can pin them; they are accepted
without `integrity`: Apizee's `loaderAgent.js` and TeamViewer Engage's tenant script
(`cdn.chatvisor.com/cdn/js/<id>.js`). Keep their hosts in `script-src` and nothing more.

## Examples

```html novalid
<script src="https://cdn.example.com/widget.js"></script>
```

```html novalid
<script src="https://cdn.example.com/widget.js" integrity="sha384-lpmqazcxWnhq9hkRXAyeYWyTc0Aq2N+6sfZ4anVsAUyIdL6T2bljzXv3Nc8DNIWQ"></script>
```

```html novalid
<script src="assets/app.js" integrity="sha384-not-base64"></script>
```

```html isvalid
<script src="https://cdn.apirtc.com/agent/loaderAgent.js"></script>
<script src="https://cdn.example.com/widget.js" integrity="sha384-lpmqazcxWnhq9hkRXAyeYWyTc0Aq2N+6sfZ4anVsAUyIdL6T2bljzXv3Nc8DNIWQ" crossorigin="anonymous"></script>
<script src="assets/app.js"></script>
```

"""#,
        "script-same-origin": #"""
# script-same-origin

**No script from the page's own origin except embedsmith's bridge, loaded with `integrity`.**
Error.

## Why

Where several people publish files on one origin (a multi-tenant support site, where each
tenant uploads its own assets), a same-origin script is whatever file someone put at that
path, and a policy that allows scripts with `'self'` runs every such file with the page's
rights: its DOM, its cookies, its frames. Generated pages load one same-origin script, the
bridge, and allow it by its hash (CSP3 matches a hash source against an external script's
`integrity`), never with `'self'`, so a tenant's `assets/app.js` does not run even if it is
published.

If only you can publish on the origin, turn the rule off (`script-same-origin: off` under
`check.rules` in `embedsmith.yaml`), or exempt one reviewed script with
`<!-- embedsmith-disable-next-element script-same-origin -->`; allow it by its hash rather
than with `'self'` all the same.

## What it checks

Every classic or module `<script src>` whose URL resolves to the page's origin (relative
URLs, and absolute ones on the origin of the page's `<link rel="canonical">`): it must be the
bridge (`embedsmith-bridge.<hash>.js`) and carry `integrity`. Scripts inside SVG are
[svg-script](svg-script.md)'s.

## Examples

```html novalid
<body><script src="assets/app.js"></script></body>
```

```html novalid
<head><link rel="canonical" href="https://support.acme.example/help/"></head>
<body><script type="module" src="https://support.acme.example/other/x.js"></script></body>
```

```html novalid
<head><script src="assets/embedsmith/embedsmith-bridge.18d82fed2b.js"></script></head>
```

```html isvalid
<head><meta http-equiv="Content-Security-Policy" content="script-src 'sha384-ZD9ZnjE/hqTDEw6/rhcLWzw72gNHam9olfUibARpCPwATLG9ACJunN/QENKm8Gk7'">
<script src="assets/embedsmith/embedsmith-bridge.18d82fed2b.js" integrity="sha384-ZD9ZnjE/hqTDEw6/rhcLWzw72gNHam9olfUibARpCPwATLG9ACJunN/QENKm8Gk7"></script>
<script src="https://cdn.apirtc.com/agent/loaderAgent.js"></script></head>
```

"""#,
        "style-source": #"""
# style-source

**Stylesheets from another origin carry `integrity` and `crossorigin`, and every inline style
is allowed by the page's `style-src`.** Error.

## Why

CSS is not script, but a stylesheet swapped on a server the page trusts can restyle, hide or
overlay the page (a fake "enter your code" box over a vendor frame) and leak attribute values
through selectors; `integrity` pins the file the author reviewed, and a cross-origin file with
`integrity` is only checked (and loaded) with `crossorigin`. Inline styles under a strict
`style-src` are blocked by browsers without a word: a `<style>` element needs its hash, a
nonce or `'unsafe-inline'` in `style-src-elem` (or `style-src`, or `default-src`); a `style`
attribute needs `'unsafe-inline'`, or its hash with `'unsafe-hashes'`, in `style-src-attr` (or
the directives it falls back to). Same-origin stylesheets are `style-src`'s to allow.

## Examples

```html novalid
<head><link rel="stylesheet" href="https://cdn.example/theme.css"></head>
```

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'"></head>
<body><p style="color: red">x</p></body>
```

```html novalid
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'"><style>p { color: red }</style></head>
```

```html isvalid
<head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self' https://cdn.example">
<link rel="stylesheet" href="https://cdn.example/theme.css" integrity="sha384-ccFkLRrz6G4yClr2EMzjSwM1AaGahxEoZLq9tJ8+CUfRS8tjcS+S0DoyPL1JHcC6" crossorigin="anonymous">
<link rel="stylesheet" href="assets/site.css">
</head>
```

"""#,
        "svg-script": #"""
# svg-script

**No script elements and no `javascript:` animations in inline SVG.** Error.

## Why

An SVG `<script>` inside an HTML page runs like any other script, but reviews and sanitizers
that think in HTML often let it through, and SVG animations can rewrite a link's `href` to a
`javascript:` URL after the page is checked (`<set attributeName="href" to="javascript:…">`).
The generator never writes either. SVG files published next to the pages are checked by
`embedsmith build` (`asset-script-capable`) and served under a sandboxing policy.

## What it checks

Every `<script>` in the SVG namespace (inline, or loading a file with `href`), and every
`<set>` or `<animate>` whose `attributeName` is `href` or `xlink:href` and whose `to`, `from`,
`by` or `values` holds a `javascript:` or `vbscript:` URL (tabs, newlines and case ignored, as a
browser reads a URL). `on*` attributes on SVG elements are
[inline-event-handler](inline-event-handler.md)'s.

## Examples

```html novalid
<body><svg width="10" height="10"><script>alert(document.domain)</script></svg></body>
```

```html novalid
<body><svg width="10" height="10"><a><set attributeName="href" to="java&#9;script:alert(1)"/><rect width="10" height="10"/></a></svg></body>
```

```html isvalid
<body><svg width="10" height="10" aria-hidden="true"><rect width="10" height="10"><animate attributeName="opacity" values="0;1" dur="1s"/></rect></svg></body>
```

"""#,
        "target-blank-noopener": #"""
# target-blank-noopener

**Links and forms that open a new tab carry `rel="noopener"` (or `noreferrer`), never
`rel="opener"`.** Error.

## Why

A page opened with `window.opener` can navigate the page that opened it to a look-alike
("reverse tabnabbing"). Current browsers imply `noopener` for `target="_blank"`, older ones do
not, and `rel="opener"` turns the protection off again. Vendor links (quick invitation, rooms)
open in a new tab, so they must say `rel="noopener noreferrer"`.

## What it checks

`<a href>`, `<area href>` and `<form>` with `target="_blank"` (or, for links, inheriting it
from `<base target="_blank">`) have `noopener` or `noreferrer` in `rel`, and no bare `opener`.

## Examples

```html novalid
<a href="https://cloud.apizee.com/quick-invitation?reference=A1" target="_blank">Invite</a>
```

```html novalid
<a href="https://cloud.apizee.com/room/42" target="_blank" rel="opener">Join</a>
```

```html novalid
<base target="_blank"><a href="https://cloud.apizee.com/room/42">Join</a>
```

```html isvalid
<a href="https://cloud.apizee.com/room/42" target="_blank" rel="noopener noreferrer">Join</a>
```

"""#,
        "url-scheme": #"""
# url-scheme

**No `javascript:`, `vbscript:` or `data:` URLs in links, frames and forms, as a browser
parses them.** Error.

## Why

A `javascript:` link runs script when followed; a `data:` frame runs HTML that no CSP origin
list covers. Filters that look for the text `javascript:` miss what a browser still reads as
that scheme: leading spaces and control characters are dropped, tabs and newlines are removed
anywhere, and character references are decoded first (`java&#x09;script&colon;alert(1)` is
`javascript:alert(1)`). This rule reads the scheme the way the URL parser does, after the HTML
parser decoded the attribute.

## What it checks

`href` of `<a>` (also SVG `<a href>` and `xlink:href`), `<area>`, `<base>`; `src` of `<iframe>`,
`<frame>`, `<embed>`; `data` of `<object>`; `action` of `<form>`; `formaction` of `<button>` and
`<input>`; the URL of `<meta http-equiv="refresh">`. A `data:` link with `download` (a file to
save) is accepted.

## Examples

```html novalid
<a href="java&#x09;script&colon;alert(document.domain)">Start</a>
```

```html novalid
<a href="  JaVaScRiPt:alert(1)">Start</a>
```

```html novalid
<iframe title="x" src="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>
```

```html novalid
<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>
```

```html isvalid
<a href="https://cloud.apizee.com/room/42" target="_blank" rel="noopener noreferrer">Join</a>
<a href="data:text/csv,a,b" download="export.csv">Export</a>
```

"""#,
        "url-secret": #"""
# url-secret

**No credentials in URLs: passwords, access tokens, JWTs, agent auto-login links.** Error.

## Why

Everything in a page is public: a token in a link is a token for everyone who reads the page,
its cache and its history. The vendors' credentials are real: ChatApp's `api[access_token]`
is a 24-hour key to the whole account, an Engage API token reads every conversation, and
Engage "public links" log an agent in for whoever opens them.

## What it checks

Every URL of the page (links, frames, scripts, images, forms):

- no user name or password (`https://user:pass@host/`, as the browser parses it);
- no query or fragment key that names a credential: `access_token`, `token`, `password`,
  `secret`, `client_secret`, `refresh_token`, `*_token`… including inside brackets
  (`api[access_token]`, percent-encoded or not);
- no value that is a JSON Web Token or a `Bearer` header;
- no TeamViewer Engage agent auto-login link (an Engage link with the agent's login e-mail
  in its path, or a pre-signed `redirectPath` link).

## Examples

```html novalid
<iframe title="Chat" src="https://dialogs.pro/?api%5Blicense_id%5D=30310&api%5Baccess_token%5D=6f1c0b"></iframe>
```

```html novalid
<a href="https://app.chatvisor.com/rest/v1/customer?access_token=abc">Customers</a>
```

```html novalid
<a href="https://app.chatvisor.com/public/chat/agent@acme.example?language=en">Open chat</a>
```

```html novalid
<a href="https://support:hunter2@cloud.apizee.com/">Console</a>
```

```html isvalid
<iframe title="Chat" src="https://dialogs.pro/?api%5Blicense_id%5D=30310&api%5Bmessenger_type%5D=grWhatsApp"></iframe>
```

## How to fix

Never bake a credential into a page. Fetch it at run time from a same-origin endpoint of yours
(embedsmith's `tokenEndpoint` / `agentInfoEndpoint`), or let the user sign in to the vendor.

"""#,
        "url-valid": #"""
# url-valid

**Every URL attribute parses as a browser parses it; what embedsmith cannot parse is an
error too.** Error.

## Why

A URL the WHATWG parser rejects (a space in the host, a bad port, a broken IPv6 literal) is a
dead link or a missing resource. embedsmith's parser follows the URL Standard (checked against
the web-platform-tests cases) except internationalized host names written in Unicode, which
need IDNA mapping: rather than guess where such a URL goes, the checker reports it.

## What it checks

URL attributes other than frame sources (those are [iframe-src](iframe-src.md)'s): `href` of
`<a>`, `<area>`, `<link>`, `<base>`; `src` of `<script>`, `<img>`, `<embed>`, `<source>`,
`<video>`, `<audio>`, `<track>`, `<input>`; `poster`; `action`; `formaction`; `data`; `cite`;
SVG `href`/`xlink:href`. Relative URLs are resolved against `<base href>` or the page.

## Examples

```html novalid
<a href="https://cloud apizee.com/room/42">Join</a>
```

```html novalid
<a href="https://cloud.apizee.com:99999/">Join</a>
```

```html novalid
<a href="https://exämple.com/">Unicode host</a>
```

```html isvalid
<a href="https://xn--exmple-cua.com/">Punycode host</a> <a href="help/faq.html#top">FAQ</a>
```

"""#,
        "web-agent-params": #"""
# web-agent-params

**ApiRTC web-agent URLs carry `aK` and only known parameters with valid values.** Error
(unknown, renamed or badly formed parameters are warnings).

## Why

The web-agent app (`https://apirtc.github.io/web-agent/`, or the v0.1 build on
`app.apizee.com`) reads its settings from the URL. Without `aK` (the ApiRTC apiKey) it cannot
connect. Parameters it does not read are ignored silently, including names older versions used
(`iN`, `aU`, `aA`, now `gN`, `gU`, `a`). Booleans are read by testing for the text `true`, so
`0` and `no` mean false and `yes-true` means true. `lRAppID` starts LogRocket recording of the
agent's session by a third party: never send it. A literal `+` in `gP` (guest phone) reads as
a space.

## What it checks

Links and frames to the web-agent: `aK` present and non-empty; each parameter one of `aK`,
`cN`, `a`, `c`, `j`, `cU`, `aN`, `gN`, `gP`, `gU`, `iI`, `iU`, `l`, `lL`, `uId`, `cSMI`;
`a`/`c`/`j` exactly `true` or `false`; `l` `en` or `fr`; `lL` one of `debug`, `info`, `warn`,
`error`; `cU`/`gU`/`iU` https URLs; `cSMI` a number; no `lRAppID`; no duplicate.

## Examples

```html novalid
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?cN=Support"></iframe>
```

```html novalid
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k&lRAppID=abc/app"></iframe>
```

```html novalid
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k&gP=+33612345678"></iframe>
```

```html haswarn
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=k&iN=Jane&a=yes"></iframe>
```

```html isvalid
<iframe title="Agent" src="https://apirtc.github.io/web-agent/?aK=myDemoApiKey&amp;cN=Support&amp;a=true&amp;gP=%2B33612345678&amp;l=en&amp;lL=warn"></iframe>
```

"""#,
    ]
}
