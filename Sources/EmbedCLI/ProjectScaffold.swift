/// The files `embedsmith init` writes: a project that builds at once (one tenant with a working
/// quick invitation and an agent page, every other section commented out; one page per other
/// layout in `examples/`, each saying what it needs). The agent page is in the tenant, not in
/// `examples/`, so `serve --stub-vendors` shows a working web-agent at once: its two settings
/// (apiKey, webAgent) are placeholders that build and run against the simulated web-agent. Kept here as string constants, one file, until folders can be
/// embedded into the tool by the build; `InitCommandTests` builds what this writes.
enum ProjectScaffold {
    /// Relative path and contents, in the order they are written.
    static let files: [(path: String, contents: String)] = [
        ("README.md", #"""
# My embed pages

Made by `embedsmith init`. One tenant, `content/example/`: `tenant.yaml` (its vendor settings:
the quick invitation and the web-agent on, with placeholder values, every other section
commented out) and its Markdown pages.

    embedsmith serve --stub-vendors   # the agent page on a simulated web-agent, no account needed
    embedsmith serve            # build, serve on http://127.0.0.1:4000/, reload on every save
    embedsmith build            # content/ -> site/, ready for Netlify or Cloudflare Pages
    embedsmith check site       # check the built pages for unsafe embeds

The agent page (`content/example/agent.md`) talks to the real web-agent once `apiKey` and
`webAgent` in `tenant.yaml` hold your account's values; with `--stub-vendors` its frame holds a
stand-in whose buttons send the web-agent's events (snapshot, sms_fail, ...) to the page.

`examples/` holds one page per other layout (embed-agent, loader-agent, console, timeline,
webchat, dialog), each saying which section of `tenant.yaml` it needs: uncomment that
section and move the page into `content/example/`. A new tenant is a new folder of `content/`.
`embedsmith schema --for tenant` lists every key; `embedsmith explain CODE` explains an error.
"""#),
        (".gitignore", #"""
/site/
/.embedsmith/
/.site.*
"""#),
        ("embedsmith.yaml", #"""
# Settings of embedsmith for this project (every key is optional).
# build:
#   limits:
#     assetBytes: 52428800     # largest asset file (50 MiB)
#     tenantBytes: 524288000   # largest tenant folder (500 MiB)
# check:
#   frameHosts: [video.example.com]   # extra hosts `embedsmith check` accepts in frames
"""#),
        ("content/example/tenant.yaml", #"""
# One tenant: one folder of content/, one folder of the built site.
# `embedsmith schema --for tenant` prints every key; `embedsmith explain CODE` explains a diagnostic.
name: Example Support
locale: en
baseURL: https://support.example.com/

# theme:
#   primaryColor: "#0b5fff"   # a logo too: logo: assets/logo.svg (put the file in assets/)

apizee:
  # This section is on: a button that opens Apizee's quick-invitation form, pre-filled.
  quickInvitation:
    serviceKey: 0123456789abcdef0123456789abcdef
  # On, for agent.md: placeholders, fill in your account's values. They run as they are with
  # `embedsmith serve --stub-vendors` (a simulated web-agent); the real one needs yours.
  apiKey: yourApiKey                   # the agent, embed-agent and loader-agent pages need it
  webAgent:                            # the `agent` layout: ApiRTC's web-agent in a frame
    conversation: Support-Example
    agentName: Example Support
  # Every section below is off: uncomment one (and fill in its values) to use its layout.
  # embed:                             # the `embed-agent` layout
  #   identificationKey: your-ik
  #   conversation: Example-Embed
  # sessionEvents:                     # the `timeline` layout: your endpoint of session events
  #   endpoint: /api/apizee/tickets/{ticketId}/events
  # loaderAgent:                       # the `loader-agent` layout
  #   agentInfoEndpoint: /api/apizee/me
  # console:                           # the `console` layout (your console's host)
  #   host: apizee.example.com

# chatapp:                             # the `webchat` and `dialog` layouts
#   licenseId: 12345
#   messenger: grWhatsApp

# engage:                              # TeamViewer Engage on every page
#   scriptId: 0123456789abcdef01234567

# security:
#   frameAncestors: ["'self'", https://crm.example.com]   # who may frame these pages
"""#),
        ("content/example/index.md", #"""
---
title: Video assistance
description: "The `page` layout (the default): Markdown, with components in `embed` blocks."
---
This is the tenant's home page, `content/example/index.md`, built into `site/example/index.html`.
Edit it while `embedsmith serve` runs: the browser reloads as soon as you save.

## Invite a customer

An `embed` block places a component; this one is the quick-invitation button of `tenant.yaml`:

```embed quick-invitation
phones: ["+15555550123"]
reference: CASE-1
```

Every page of this folder gets its own strict Content-Security-Policy; `_headers` carries the
tenant-wide headers for Netlify and Cloudflare Pages.
"""#),
        ("content/example/invite.md", #"""
---
title: Invite a customer
description: "The `invite` layout: a page that is only the quick-invitation form's button."
layout: invite
invitation:
  label: Call the customer
  reference: CASE-2
---
The `invite` layout renders the quick invitation of `tenant.yaml` with this page's
`invitation:` options (label, reference, phones, emails).
"""#),
        ("content/example/agent.md", #"""
---
title: Agent workspace
description: "The `agent` layout: ApiRTC's web-agent in a frame, with host controls, snapshot gallery and notifications."
layout: agent
agent:
  controls: true
---
Snapshots the agent takes appear below the video; links copied and SMS sent or failed show as
notifications. It needs `apizee.apiKey` and `apizee.webAgent` of `tenant.yaml`: fill in your
account's values there. Until then, `embedsmith serve --stub-vendors` runs it on a simulated
web-agent whose buttons send the real one's events.
"""#),
        ("examples/chat.md", #"""
---
title: Chat with us
layout: webchat
---
The `webchat` layout: ChatApp's web chat.

To use it: uncomment chatapp in `content/example/tenant.yaml`, fill in your
account's values, and move this file into `content/example/`.
"""#),
        ("examples/console.md", #"""
---
title: Apizee console
layout: console
---
The `console` layout: Your Apizee console in a frame.

To use it: uncomment apizee.console in `content/example/tenant.yaml`, fill in your
account's values, and move this file into `content/example/`.
"""#),
        ("examples/dialog.md", #"""
---
title: WhatsApp conversations
layout: dialog
dialog:
  phones: ["+15555550123"]
---
The `dialog` layout: ChatApp's Dialog in a frame.

To use it: uncomment chatapp in `content/example/tenant.yaml`, fill in your
account's values, and move this file into `content/example/`.
"""#),
        ("examples/embed.md", #"""
---
title: Apizee Embed
layout: embed-agent
---
The `embed-agent` layout: Apizee's Embed agent.

To use it: uncomment apizee.embed in `content/example/tenant.yaml`, fill in your
account's values, and move this file into `content/example/`.
"""#),
        ("examples/loader.md", #"""
---
title: Agent (loaderAgent)
layout: loader-agent
---
The `loader-agent` layout: Apizee's loaderAgent script, configured from an agent-info endpoint.

To use it: uncomment apizee.loaderAgent in `content/example/tenant.yaml`, fill in your
account's values, and move this file into `content/example/`.
"""#),
        ("examples/timeline.md", #"""
---
title: Session timeline
layout: timeline
---
The `timeline` layout: The events of a video session, read from your endpoint.

To use it: uncomment apizee.sessionEvents in `content/example/tenant.yaml`, fill in your
account's values, and move this file into `content/example/`.
"""#),
    ]
}
