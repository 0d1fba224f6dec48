"""The HTML reports' tests read pages with Python's html.parser into a small
tree, holding them to well-formed nesting (every element closed in order,
void elements never closed). The markup a page holds for its script to
draw on demand (<script type="text/html">) is read into the tree where it
stands, as the script puts it."""
from html.parser import HTMLParser

LEVELS = ("branch", "grassroots", "district", "province")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.text = tag, dict(attrs), parent, [], []

    def cls(self):
        return (self.attrs.get("class") or "").split()

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def find_all(self, tag=None, cls=None):
        return [n for n in self.walk() if (tag is None or n.tag == tag) and (cls is None or cls in n.cls())]

    def all_text(self):
        return "".join(self.text) + "".join(c.all_text() for c in self.children)


class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root
        self.errors = []
        self.attrs_seen = []

    def handle_starttag(self, tag, attrs):
        self.attrs_seen.append((tag, attrs))
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.attrs_seen.append((tag, attrs))
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        if tag == "script" and self.cur.tag == "script" and self.cur.attrs.get("type") == "text/html":
            # A body drawn on demand: its markup is read as the page's.
            inner = parse("".join(self.cur.text))
            self.errors += inner.errors
            self.attrs_seen += inner.attrs_seen
            for c in inner.root.children:
                c.parent = self.cur
                self.cur.children.append(c)
            self.cur.text = []
        if tag in VOID:
            self.errors.append(f"end tag of void <{tag}>")
            return
        if self.cur.tag != tag:
            self.errors.append(f"</{tag}> closes <{self.cur.tag}> at line {self.getpos()[0]}")
            return
        self.cur = self.cur.parent

    def handle_data(self, data):
        self.cur.text.append(data)


def parse(html):
    t = Tree()
    t.feed(html)
    t.close()
    if t.cur is not t.root:
        t.errors.append(f"<{t.cur.tag}> never closed")
    return t


# html5lib's parser, strict: the HTML5 parsing algorithm, where any parse
# error (a stray end tag, a bad attribute, a missing doctype) is reported.
_HTML5_CHECK = r"""
import sys, html5lib
p = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
p.parse(sys.stdin.buffer.read(), transport_encoding="utf-8")
for pos, code, data in p.errors:
    print(pos, code, data)
"""


def html5_errors(html):
    """The HTML5 parse errors of a page (html5lib, Debian's python3-html5lib),
    or None when no Python here has html5lib."""
    import shutil, subprocess, sys
    for py in (sys.executable, "/usr/bin/python3"):
        if not py or not shutil.which(py):
            continue
        r = subprocess.run([py, "-c", _HTML5_CHECK], input=html.encode("utf-8"), capture_output=True)
        if r.returncode == 0:
            return [l for l in r.stdout.decode("utf-8", "replace").splitlines() if l.strip()]
    return None
