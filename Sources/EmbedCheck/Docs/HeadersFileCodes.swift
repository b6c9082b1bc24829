/// The codes of findings about a `_headers` file itself (not about a page). They are not rules:
/// they cannot be switched off in `embedsmith.yaml` nor silenced in a page, since no page holds
/// them; `embedsmith explain <code>` prints their page from here. docs/rules/README.md ("The
/// `_headers` file itself") lists the same codes; `HeadersFileCodesTests` keeps the two in step
/// and runs every example below through `HeadersFile`.
public enum HeadersFileCodes {
    public struct Code: Sendable {
        public var id: String
        public var summary: String
        /// Markdown, starting with `# <id>`.
        public var page: String
        /// A `_headers` file that gets this code, for the page's example and its test ("" when the
        /// code is about the file's type, not its text).
        public var badExample: String
    }

    public static let all: [Code] = [syntax, limit, unreadable]

    public static func code(_ id: String) -> Code? { all.first { $0.id == id } }

    static let syntax = Code(
        id: "headers-syntax",
        summary: "every line of _headers is a path, an indented header or a `! Name` line",
        page: """
        # headers-syntax

        **Every line of a `_headers` file (Netlify / Cloudflare Pages format) is a comment, a URL
        path, an indented `Name: value` header or (Cloudflare Pages) an indented `! Name`.** Error;
        a rule that sets nothing and a pattern with more than one `*` are warnings.

        ## Why

        Both hosts skip a line they cannot read without saying so: a header written without its
        indentation, a header line above the first path, `Name value` without `:` or a header name
        with spaces are silently not sent, so the page goes out without the protection the file
        seems to give. Cloudflare Pages allows one splat (`*`) per pattern.

        This is a finding of the `_headers` file (`site/acme/_headers:3:1`), not of a page: it is
        not a rule, and cannot be switched off in `embedsmith.yaml` or silenced in a page.

        ## Example

        ```
        /*
        X-Content-Type-Options: nosniff
        ```

        gets `headers-syntax` (the header is not indented, so it is read as a path). Write:

        ```
        /*
          X-Content-Type-Options: nosniff
        ```
        """,
        badExample: "/*\nX-Content-Type-Options: nosniff\n")

    static let limit = Code(
        id: "headers-limit",
        summary: "_headers stays within Cloudflare Pages' limits (100 rules, 2,000 characters a line)",
        page: """
        # headers-limit

        **A `_headers` file stays within Cloudflare Pages' documented limits: at most 100 rules,
        and at most 2,000 characters on a line.** Error.

        ## Why

        "A project is limited to 100 header rules. Each line in the _headers file has a 2,000
        character limit" (developers.cloudflare.com/pages/configuration/headers/). Rule 101 and
        every rule after it are dropped, and so are their headers: the pages they cover are served
        without them. The check reports the first rule past the limit and each long line.

        This is a finding of the `_headers` file, not of a page: it is not a rule, and cannot be
        switched off in `embedsmith.yaml` or silenced in a page. (A `_headers` file over 1 MiB is
        not read at all: `input-too-large`.)

        ## Example

        A file of 101 rules (`/p1` to `/p101`, each with a header) gets `headers-limit` on the
        line of `/p101`. Merge rules with a splat (`/docs/*`) or a placeholder (`/:page`), and
        shorten or split long values.
        """,
        badExample: (1...101).map { "/p\($0)\n  X-Content-Type-Options: nosniff\n" }.joined())

    static let unreadable = Code(
        id: "headers-unreadable",
        summary: "_headers is a regular file (a link or a folder is not read)",
        page: """
        # headers-unreadable

        **The `_headers` file at the root of a checked folder is a regular file.** Error; the run
        exits 65, as for an unreadable page (the check is incomplete).

        ## Why

        A `_headers` that is a symbolic link is not followed: tenant content is untrusted, and a
        link could lead out of the folder being checked. A folder named `_headers` is not a
        headers file. Either way the pages below it would be checked without the headers the host
        sends, so the run reports it instead.

        This is a finding of the `_headers` file, not of a page: it is not a rule, and cannot be
        switched off in `embedsmith.yaml` or silenced in a page.

        ## Example

        `site/acme/_headers -> ../shared/_headers` gets `headers-unreadable`: copy the file
        into the tenant folder instead of linking it.
        """,
        badExample: "")
}
