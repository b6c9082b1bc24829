"""The host bridge the fixture pages load: every module of templates/assets/bridge/ (core, each
feature, each strings table) joined in file-name order, as the generator joins the modules a page
uses. Served by stub_server.py as /assets/embedsmith-bridge.js, and a chosen set of modules as
/bridge-modules/<name>+<name>….js."""
import pathlib

BRIDGE_DIR = pathlib.Path(__file__).resolve().parent.parent.parent / "templates" / "assets" / "bridge"


def module_name(path: pathlib.Path) -> str:
    """`40-chatapp.js` -> `chatapp`."""
    stem = path.stem
    prefix, _, rest = stem.partition("-")
    return rest if prefix.isdigit() and rest else stem


def bridge_source(names=None) -> str:
    """Every module joined, or only those named (file-name order whatever the order of `names`)."""
    paths = [p for p in sorted(BRIDGE_DIR.glob("*.js")) if names is None or module_name(p) in names]
    return "".join(p.read_text(encoding="utf-8") for p in paths)
