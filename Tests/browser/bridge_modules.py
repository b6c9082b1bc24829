"""The host bridge the fixture pages load: every module of templates/assets/bridge/ (core, each
feature, each strings table) joined in file-name order, as the generator joins the modules a page
uses. Served by stub_server.py as /assets/embedsmith-bridge.js."""
import pathlib

BRIDGE_DIR = pathlib.Path(__file__).resolve().parent.parent.parent / "templates" / "assets" / "bridge"


def bridge_source() -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(BRIDGE_DIR.glob("*.js")))
