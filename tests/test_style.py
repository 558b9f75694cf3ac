"""House style that a machine can check (CONTRIBUTING.md, "House style"), read from
the built pages: title length, Spanish quote marks, heading ids that match across
languages, a real headline on the home pages, and spelling with Hunspell in each
passage's own language. Every failure names the page and the text to fix."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag

from conftest import LANGS, SLUGS, page_url_path

MAX_TITLE = 60

# Hunspell dictionary per language. The Spanish site is rioplatense (voseo: «podés»,
# «escribí»), so es_AR; the few voseo forms it lacks are in spelling/words-es.txt.
DICTIONARIES = {"es": "es_AR", "en": "en_US"}
WORD_LISTS = Path(__file__).parent / "spelling"
APT_HINT = "apt-get install hunspell hunspell-es hunspell-en-us (scripts/dev.sh test installs them)"

# ---------------------------------------------------------------------------
# The visible text of a page, by language
# ---------------------------------------------------------------------------

NOT_PROSE = {"script", "style", "noscript", "template", "code", "pre", "kbd", "samp"}
CHROME = {"header", "nav", "footer"}
# Elements that may sit inside a word ("<em>bill</em>ion"); every other element, and
# every change of language, separates words, so neighbouring cards, cells or chart
# labels ("2 GW" + "Trainium") are not read as one word.
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "i", "mark", "q", "s",
          "small", "strong", "time", "u", "var"}
# Attributes a reader meets as text: image descriptions, tooltips, screen-reader
# labels, the search box's hint.
TEXT_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")
# Hostnames printed beside each source: not words.
NOT_WORDS_CLASSES = {"sources__host"}
# The sidebars repeat the nav's page titles and the page's headings, and lose their
# `lang` markup on the way («billones» y billion): each is checked where it is written.
REPEATED_CLASSES = {"md-nav"}
# In the sources list, an outlet's name is in the outlet's language: its link's hreflang.
OUTLET_LISTS = {"sources"}


def primary_lang(value: str) -> str:
    """"en-US" → "en"."""
    return value.split("-")[0].split("_")[0].lower()


def text_by_lang(root: Tag, lang: str, *, chrome: bool = True, attributes: bool = True,
                 repeated: bool = True, one_language: bool = False) -> dict[str, str]:
    """{language: its text} for an element and its descendants, each part in the language
    of its nearest `lang` attribute (`lang` is the root's own). Code, scripts and hostnames
    are left out; so are header, nav and footer when chrome=False, and the sidebars when
    repeated=False. Blocks, and passages in another language, end a line. With
    one_language=True, every part counts as `lang`: the page's text in reading order."""
    parts: dict[str, list[str]] = {}

    def walk(el: Tag, outer: str, in_outlets: bool = False) -> None:
        classes = set(el.get("class") or ())
        if el.name in NOT_PROSE or (not chrome and el.name in CHROME):
            return
        if NOT_WORDS_CLASSES & classes or (not repeated and REPEATED_CLASSES & classes):
            return
        in_outlets = in_outlets or bool(OUTLET_LISTS & classes)
        outlet_lang = el.get("hreflang") if in_outlets and el.name == "a" else None
        lang = outer if one_language else primary_lang(el.get("lang") or outlet_lang or outer)
        separate = lang != outer or el.name not in INLINE
        out = parts.setdefault(lang, [])
        if separate:
            parts[outer].append("\n")
            out.append("\n")
        if attributes:
            out.extend(f"{el[name]}\n" for name in TEXT_ATTRIBUTES if isinstance(el.get(name), str))
        for child in el.children:
            if isinstance(child, Tag):
                walk(child, lang, in_outlets)
            elif type(child) is NavigableString:  # not comments, doctypes, CDATA
                out.append(str(child))
        if separate:
            out.append("\n")
            parts[outer].append("\n")

    parts[primary_lang(lang)] = []
    walk(root, primary_lang(lang))
    return {code: re.sub(r"[ \t\u00a0\u202f]+", " ", "".join(chunks)) for code, chunks in parts.items()}


WORD = re.compile(r"\w+(?:['’]\w+)*")


def page_text_by_lang(soup: BeautifulSoup, lang: str) -> dict[str, str]:
    """Everything a reader of the page sees as words, by language: the body, the tab
    title and the description that search engines and share cards show. The title and
    the description cannot mark a word's language, so a word the body marks as another
    language (a Spanish «billón» on an English page) is left out of them; the body's
    own copy of it is checked in its language."""
    lang = primary_lang(soup.html.get("lang") or lang)
    body = text_by_lang(soup.body, lang, repeated=False)
    foreign = {word for code, text in body.items() if code != lang for word in WORD.findall(text)}
    description = soup.find("meta", attrs={"name": "description"})
    head = "\n".join(filter(None, [soup.title.get_text() if soup.title else "",
                                    description.get("content", "") if description else ""]))
    head = WORD.sub(lambda m: " " if m.group() in foreign else m.group(), head)
    return {**body, lang: head + "\n" + body.get(lang, "")}


def url_of(slug: str, lang: str) -> str:
    return "/" + page_url_path(slug, lang)


def built(pages):
    return [(slug, lang, soup) for (slug, lang), soup in pages.items() if soup is not None]


# ---------------------------------------------------------------------------
# Titles
# ---------------------------------------------------------------------------

def h1_text(soup) -> str:
    h1 = soup.select_one("article h1") or soup.find("h1")
    if h1 is None:
        return ""
    h1 = BeautifulSoup(str(h1), "html.parser").h1
    for link in h1.select("a.headerlink"):  # the "#" permalink beside the heading
        link.decompose()
    return " ".join(h1.get_text(" ").split())


def site_name(soup) -> str:
    meta = soup.find("meta", attrs={"property": "og:site_name"})
    return meta["content"] if meta else ""


def tab_title(soup) -> str:
    """The <title> without the " - site name" that Material appends."""
    title = " ".join(soup.title.get_text().split()) if soup.title else ""
    return title.removesuffix(" - " + site_name(soup)) if site_name(soup) else title


def test_page_titles_are_60_characters_or_fewer(pages):
    too_long = []
    for slug, lang, soup in built(pages):
        for where, title in (("H1", h1_text(soup)), ("<title>", tab_title(soup))):
            if len(title) > MAX_TITLE:
                too_long.append(f"{url_of(slug, lang)}: {where} has {len(title)} characters: {title!r}")
    assert not too_long, (f"page titles over {MAX_TITLE} characters (CONTRIBUTING.md, 'Page titles'); "
                          "shorten the H1 in docs/:\n" + "\n".join(too_long))


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_title_is_a_headline(pages, lang):
    soup = pages[("", lang)]
    title, name = h1_text(soup), site_name(soup)
    where = f"{url_of('', lang)}: the H1 {title!r}"
    assert title.lower() not in {"summary", "resumen", "home", "inicio"}, f"{where} is a section label, not a headline"
    assert len(title.split()) >= 4, f"{where} has fewer than four words: say what happened"
    assert title != name, f"{where} repeats the site name: give the page its own headline"


# ---------------------------------------------------------------------------
# Heading ids
# ---------------------------------------------------------------------------

def heading_ids(soup) -> list[str]:
    article = soup.select_one("article") or soup
    return [h["id"] for h in article.select("h1[id], h2[id], h3[id]")]


def test_h1_ids_are_the_same_in_both_languages(pages):
    differing = []
    for slug in SLUGS:
        ids = {lang: (pages[(slug, lang)].find("h1") or {}).get("id") for lang in LANGS if pages[(slug, lang)]}
        if len(set(ids.values())) > 1:
            differing.append(", ".join(f"{url_of(slug, lang)} #{i}" for lang, i in ids.items()))
    assert not differing, ("the H1 id differs between languages; give both the same `# … {#id}`:\n"
                           + "\n".join(differing))


def test_heading_ids_are_the_same_in_both_languages(pages):
    differing = []
    for slug in SLUGS:
        built_langs = [lang for lang in LANGS if pages[(slug, lang)]]
        if not built_langs:
            continue  # test_site checks that every page is built
        first, *others = built_langs
        expected = heading_ids(pages[(slug, first)])
        for lang in others:
            got = heading_ids(pages[(slug, lang)])
            if got != expected:
                only_here = [i for i in got if i not in expected]
                only_there = [i for i in expected if i not in got]
                differing.append(f"{url_of(slug, lang)} vs {url_of(slug, first)}: "
                                 f"only in {lang}: {only_here}, only in {first}: {only_there}"
                                 + ("" if only_here or only_there else " (same ids, different order)"))
    assert not differing, ("h1–h3 ids differ between languages (CONTRIBUTING.md, 'Page titles'):\n"
                           + "\n".join(differing))


def test_no_id_is_a_numbered_duplicate(pages):
    # MkDocs makes a repeated heading id unique by appending _1, _2: a link to the
    # first one then lands somewhere else in the other language.
    collisions = []
    for slug, lang, soup in built(pages):
        for el in soup.find_all(id=re.compile(r"_\d+$")):
            text = " ".join(el.get_text(" ").split())[:60]
            collisions.append(f"{url_of(slug, lang)}: <{el.name} id={el['id']!r}> {text!r}")
    assert not collisions, ("ids de-duplicated by MkDocs (two headings with the same id on a page); "
                            "give each heading its own `{#id}`:\n" + "\n".join(collisions))


# ---------------------------------------------------------------------------
# Spanish quote marks
# ---------------------------------------------------------------------------

def stray_english_quotes(text: str) -> list[str]:
    """Passages of Spanish text with “ or ” outside « »; “ ” nest inside « » only.
    Each block (line) is scanned on its own, so an unclosed « does not excuse the rest."""
    found = []
    for line in text.splitlines():
        depth = 0
        for i, char in enumerate(line):
            if char == "«":
                depth += 1
            elif char == "»":
                depth = max(depth - 1, 0)
            elif char in "“”" and depth == 0:
                found.append(line[max(i - 40, 0): i + 40].strip())
                break  # one report per block is enough to find it
    return found


def test_spanish_prose_quotes_with_guillemets(pages):
    stray = []
    for slug, lang, soup in built(pages):
        if lang != "es":
            continue
        spanish = text_by_lang(soup.body, "es", chrome=False, attributes=False).get("es", "")
        stray += [f"{url_of(slug, lang)}: …{passage}…" for passage in stray_english_quotes(spanish)]
    assert not stray, ("“ ” in Spanish prose; Spanish uses « » (“ ” only inside « »), and an English "
                       "quotation carries lang=\"en\":\n" + "\n".join(stray))


def test_the_quote_check_sees_english_quotes():
    assert stray_english_quotes("Dijo “histórico” ayer.") == ["Dijo “histórico” ayer."]
    assert stray_english_quotes("Dijo «un acuerdo “histórico”» ayer.") == []


def test_quotations_are_not_quoted_twice(pages):
    # <q> draws its own marks from the page's language (site.css): marks typed
    # inside it as well show twice, ««así»».
    doubled = []
    for slug, lang, soup in built(pages):
        for q in soup.select("article q"):
            text = q.get_text().strip()
            if text[:1] in "«“\"‘'" or text[-1:] in "»”\"’'":
                doubled.append(f"{url_of(slug, lang)}: <q>{text[:60]}</q>")
    assert not doubled, "quote marks typed inside <q>, which adds its own; remove them:\n" + "\n".join(doubled)


# ---------------------------------------------------------------------------
# Spanish register and word choices
# ---------------------------------------------------------------------------

# Forms that are unambiguously tuteo, or words the house style replaces, with what to
# write instead (CONTRIBUTING.md, "Spanish"). Ambiguous forms (escribe, copia) are not here.
SPANISH_REPLACEMENTS = {
    "tú": "vos", "puedes": "podés", "tienes": "tenés", "quieres": "querés", "sabes": "sabés",
    "debes": "debés", "encuentras": "encontrás", "prefieres": "preferís", "escríbenos": "escribinos",
    "cuéntanos": "contanos", "dinos": "decinos", "atribúyelo": "atribuilo",
    "valorada": "valuada", "valorado": "valuado", "valoradas": "valuadas", "valorados": "valuados",
}


def test_spanish_is_voseo_and_uses_the_house_words(pages):
    pattern = re.compile(rf"(?<!\w)({'|'.join(SPANISH_REPLACEMENTS)})(?!\w)", re.IGNORECASE)
    found = []
    for slug, lang, soup in built(pages):
        spanish = page_text_by_lang(soup, lang).get("es", "")
        for match in pattern.finditer(spanish):
            context = " ".join(spanish[max(match.start() - 30, 0): match.end() + 30].split())
            better = SPANISH_REPLACEMENTS[match.group().lower()]
            found.append(f"{url_of(slug, lang)}: «{match.group()}» → «{better}» (…{context}…)")
    assert not found, ("Spanish outside the house style (rioplatense voseo; «valuada»); "
                       "write the form after the arrow:\n" + "\n".join(found))


# ---------------------------------------------------------------------------
# Markup shown as text
# ---------------------------------------------------------------------------

MARKUP = re.compile(r"</?[a-zA-Z][\w-]*(?:\s+[\w-]+=[^<>]*)?\s*/?>")


def blocks_matching(pages, pattern: re.Pattern, most: int = 5) -> list[str]:
    """Each page's text blocks where `pattern` matches, in context, at most `most` a page."""
    shown = []
    for slug, lang, soup in built(pages):
        text = text_by_lang(soup.body, lang, attributes=False, one_language=True)[primary_lang(lang)]
        hits = []
        for line in text.splitlines():
            if match := pattern.search(line):  # one report per block
                hits.append(" ".join(line[max(match.start() - 40, 0): match.end() + 30].split()))
        shown += [f"{url_of(slug, lang)}: …{hit}…" for hit in hits[:most]]
        if len(hits) > most:
            shown.append(f"{url_of(slug, lang)}: and {len(hits) - most} more")
    return shown


def test_no_markup_shows_as_text(pages):
    # HTML escaped twice (a fact rendered inside copy text) reaches the reader as
    # «<span class="fact">…»; code samples, in <code>/<pre>, are exempt.
    shown = blocks_matching(pages, MARKUP)
    assert not shown, "HTML tags shown to readers as text; render the markup or strip it:\n" + "\n".join(shown)


# Brackets or quote marks around nothing, and template tags left unrendered: what a
# reader sees when a field the text expected is empty («Ámbito ():»).
EMPTY_SLOT = re.compile(r"\(\s*\)|\[\s*\]|«\s*»|“\s*”|\{\{|\}\}|\{%|%\}")


def test_no_empty_slot_shows_as_text(pages):
    shown = blocks_matching(pages, EMPTY_SLOT)
    assert not shown, ("empty brackets or quotes, or unrendered template tags, shown to readers; "
                       "fill the field or drop its punctuation:\n" + "\n".join(shown))


# ---------------------------------------------------------------------------
# Spelling
# ---------------------------------------------------------------------------

CURRENCY = re.compile(r"(?<!\w)(?:US|U|u)\$[sSdD]?(?!\w)")  # US$, u$s, U$D
URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
HOSTNAME = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b")  # openai.com, cloudnews.tech
TOKEN_WITH_DIGIT = re.compile(r"\S*\d\S*")
LETTER_RUN = re.compile(r"[^\W\d_]{3,}")
POSSESSIVE = re.compile(r"(?<=\w)['’]s\b|(?<=s)['’](?!\w)")  # OpenAI’s, AWS’
QUOTE_MARK = re.compile(r"(?<!\w)['’‘]|['’‘](?!\w)")  # ‘Trust’: a quote mark, not an apostrophe


def words_for_hunspell(text: str, lang: str) -> str:
    """The text with what is not a word taken out: URLs, emails, hostnames and figures.
    A token with a digit (38.000, US$38, 2025) keeps only its runs of three letters or
    more, so "Trainium2" is checked as "Trainium" and "GB200" not at all. An English
    possessive is checked without its 's, which the dictionary cannot add to names."""
    text = EMAIL.sub(" ", URL.sub(" ", text))
    text = HOSTNAME.sub(" ", CURRENCY.sub(" ", text))
    text = TOKEN_WITH_DIGIT.sub(lambda m: " ".join(LETTER_RUN.findall(m.group())), text)
    if lang == "en":
        text = POSSESSIVE.sub("", text)
    return QUOTE_MARK.sub(" ", text)


def read_word_list(path: Path) -> list[str]:
    if not path.exists():
        return []
    words = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        word = line.split("#", 1)[0].strip()
        if word and " " in word:
            pytest.fail(f"{path.relative_to(Path(__file__).parent.parent)}:{number}: one word per line, got {word!r}")
        if word:
            words.append(word)
    return words


def project_words(lang: str) -> list[str]:
    """tests/spelling/words.txt (both languages) plus words-<lang>.txt."""
    return read_word_list(WORD_LISTS / "words.txt") + read_word_list(WORD_LISTS / f"words-{lang}.txt")


def hunspell_unknown_words(text: str, lang: str, personal: bool = True) -> set[str]:
    """The words of `text` that Hunspell's dictionary for `lang` and (unless personal=False)
    the project's word lists do not know: one hunspell process for the whole text."""
    if shutil.which("hunspell") is None:
        pytest.fail(f"hunspell is missing: {APT_HINT}")
    dictionary = DICTIONARIES.get(lang)
    if dictionary is None:
        pytest.fail(f"no Hunspell dictionary for language {lang!r}: add it to DICTIONARIES in tests/test_style.py")
    if not Path(f"/usr/share/hunspell/{dictionary}.dic").exists():
        pytest.fail(f"Hunspell dictionary {dictionary} is missing: {APT_HINT}")
    words = project_words(lang) if personal else []
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".dic") as word_list:
        word_list.write("\n".join(words) + "\n")
        word_list.flush()
        result = subprocess.run(["hunspell", "-d", dictionary, "-p", word_list.name, "-i", "utf-8", "-l"],
                                input=words_for_hunspell(text, lang).encode("utf-8"), capture_output=True,
                                # hunspell silently ignores -p when HOME is unset (some CI runners)
                                env={**os.environ, "LC_ALL": "C.UTF-8", "HOME": os.environ.get("HOME") or "/tmp"})
    if result.returncode != 0:
        pytest.fail(f"hunspell -d {dictionary} failed: {result.stderr.decode('utf-8', 'replace').strip()}")
    # A listed word the dictionary knows only in another case ("NVIDIA") is still
    # reported by hunspell: the list, exactly as written, has the last word.
    return set(result.stdout.decode("utf-8").split()) - set(words)


def misspellings(texts: dict[str, dict[str, str]]) -> dict[str, dict[str, list[str]]]:
    """{place: {language: text}} → {place: {language: unknown words}}, places and
    languages with none left out. One hunspell process per language for all places."""
    by_lang: dict[str, list[str]] = {}
    for parts in texts.values():
        for lang, text in parts.items():
            by_lang.setdefault(lang, []).append(text)
    unknown = {lang: hunspell_unknown_words("\n".join(chunks), lang) for lang, chunks in by_lang.items()}
    found: dict[str, dict[str, list[str]]] = {}
    for place, parts in texts.items():
        for lang, text in parts.items():
            cleaned = words_for_hunspell(text, lang)
            hits = sorted(w for w in unknown[lang] if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", cleaned))
            if hits:
                found.setdefault(place, {})[lang] = hits
    return found


def in_context(text: str, word: str) -> str:
    """The word's first occurrence with a few words around it, to find it in the source."""
    match = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)
    if not match:  # found only in the cleaned text (a possessive, a hyphenated half)
        return word
    return f"{word} (…{' '.join(text[max(match.start() - 30, 0): match.end() + 30].split())}…)"


def test_every_page_is_spelled_correctly(pages):
    texts = {url_of(slug, lang): page_text_by_lang(soup, lang) for slug, lang, soup in built(pages)}
    found = misspellings(texts)
    lines = [f"{place} ({lang}): " + "; ".join(in_context(texts[place][lang], word) for word in words)
             for place, parts in found.items() for lang, words in parts.items()]
    assert not lines, ("words Hunspell does not know, by page (language of the passage in brackets). "
                       "Fix the text in docs/ or data/; if the word is right (a name, a product), add it to "
                       "tests/spelling/words.txt (or words-es.txt / words-en.txt for one language):\n"
                       + "\n".join(lines))


@pytest.mark.parametrize("lang, correct, misspelled, wrong", [
    ("es", "OpenAI firmó un acuerdo histórico con Amazon por siete años.",
           "OpenAI firmó un acuerdo histórcio con Amazon por siete años.", "histórcio"),
    ("en", "OpenAI signed a seven-year agreement with Amazon Web Services.",
           "OpenAI signed a seven-year agreemnet with Amazon Web Services.", "agreemnet"),
])
def test_the_spellchecker_reports_a_misspelling(lang, correct, misspelled, wrong):
    assert misspellings({"/page/": {lang: correct}}) == {}
    assert misspellings({"/page/": {lang: misspelled}}) == {"/page/": {lang: [wrong]}}


def test_the_spanish_dictionary_speaks_voseo():
    voseo = "Podés copiar el texto. Escribí una palabra para buscar; si tenés dudas, contanos e indicá la página."
    assert misspellings({"/page/": {"es": voseo}}) == {}


def test_the_spellchecker_reads_each_passage_in_its_language():
    # An English quotation on a Spanish page is checked in English, and only when marked.
    marked = BeautifulSoup('<html lang="es"><body><p>Dijo: <q lang="en">capacity cannot be built overnight</q>'
                           ", según Reuters.</p></body></html>", "html.parser")
    unmarked = BeautifulSoup('<html lang="es"><body><p>Dijo: <q>capacity cannot be built overnight</q>'
                             ", según Reuters.</p></body></html>", "html.parser")
    assert misspellings({"/marked/": page_text_by_lang(marked, "es")}) == {}
    assert "overnight" in misspellings({"/unmarked/": page_text_by_lang(unmarked, "es")})["/unmarked/"]["es"]


def test_the_spellchecker_skips_what_is_not_prose():
    soup = BeautifulSoup('<html lang="en"><body><p>Write <code>fatc("deal.valeu")</code>, see '
                         "https://exmaple.org/pgae or exmaple.org, mail tips@exmaple.org: GB200 chips, "
                         "US$38 billion.</p><span class=\"sources__host\">www.lanacion.com.ar</span></body></html>",
                         "html.parser")
    assert misspellings({"/page/": page_text_by_lang(soup, "en")}) == {}


def test_word_lists_hold_only_words_a_dictionary_lacks():
    # A word the dictionaries already know is dead weight, and hides what the list is for.
    known_to = {}
    for lang in DICTIONARIES:
        words = project_words(lang)
        known_to[lang] = set(words) - hunspell_unknown_words("\n".join(words), lang, personal=False)
    redundant = [f"tests/spelling/words.txt: {word!r} is in every dictionary"
                 for word in read_word_list(WORD_LISTS / "words.txt")
                 if all(word in known for known in known_to.values())]
    redundant += [f"tests/spelling/words-{lang}.txt: {word!r} is in the {DICTIONARIES[lang]} dictionary"
                  for lang in DICTIONARIES for word in read_word_list(WORD_LISTS / f"words-{lang}.txt")
                  if word in known_to[lang]]
    listed = [w for path in sorted(WORD_LISTS.glob("words*.txt")) for w in read_word_list(path)]
    redundant += [f"tests/spelling/: {word!r} is listed twice"
                  for word in sorted({w for w in listed if listed.count(w) > 1})]
    assert not redundant, "remove these lines:\n" + "\n".join(redundant)


# ---------------------------------------------------------------------------
# Each page check fails on a page that breaks its rule, naming page and text
# ---------------------------------------------------------------------------

FINE = {"es": "OpenAI firmó un acuerdo con Amazon por siete años", "en": "OpenAI signed an agreement with Amazon"}


def made_up_page(lang: str, h1: str = "", h1_id: str = "home", body: str = "") -> BeautifulSoup:
    h1 = h1 or FINE[lang]
    return BeautifulSoup(f'<html lang="{lang}"><head><title>{h1} - OpenAI</title>'
                         '<meta property="og:site_name" content="OpenAI"></head><body><article>'
                         f'<h1 id="{h1_id}">{h1}<a class="headerlink" href="#{h1_id}">#</a></h1>'
                         f"<p>{FINE[lang]}.</p>{body}</article></body></html>", "html.parser")


LONG_TITLE = "Un título que sigue y sigue " * 3
BROKEN_PAGES = {
    # check: (page slug, what breaks it, text the failure must show)
    test_page_titles_are_60_characters_or_fewer: ("inner", {"h1": LONG_TITLE}, "'Un título que sigue"),
    test_home_page_title_is_a_headline: ("", {"h1": "Resumen"}, "'Resumen'"),
    test_h1_ids_are_the_same_in_both_languages: ("inner", {"h1_id": "resumen"}, "#resumen"),
    test_heading_ids_are_the_same_in_both_languages: ("inner", {"body": '<h2 id="datos">Datos</h2>'}, "'datos'"),
    test_no_id_is_a_numbered_duplicate: ("inner", {"body": '<h2 id="home_1">Otra vez</h2>'}, "home_1"),
    test_spanish_prose_quotes_with_guillemets: ("inner", {"body": "<p>Es “histórico”.</p>"}, "“histórico”"),
    test_quotations_are_not_quoted_twice: ("inner", {"body": "<p><q>«histórico»</q></p>"}, "«histórico»"),
    test_spanish_is_voseo_and_uses_the_house_words: ("inner", {"body": "<p>Puedes copiarlo.</p>"}, "«podés»"),
    test_no_empty_slot_shows_as_text: ("inner", {"body": "<p>Fuente: Ámbito (), 2025.</p>"}, "Ámbito ()"),
    test_no_markup_shows_as_text: ("inner", {"body": '<p>es &lt;span class="fact"&gt;US$ 1</p>'}, '<span class="fact">'),
    test_every_page_is_spelled_correctly: ("inner", {"body": "<p>Un acuerdo histórcio.</p>"}, "histórcio"),
}


@pytest.mark.parametrize("check", BROKEN_PAGES, ids=lambda check: check.__name__.removeprefix("test_"))
def test_each_check_fails_on_a_page_that_breaks_it(check):
    slug, breakage, shown = BROKEN_PAGES[check]
    slug = SLUGS[1] if slug == "inner" else slug
    run = (lambda pages: check(pages, "es")) if check is test_home_page_title_is_a_headline else check
    pages = {(s, lang): made_up_page(lang) for s in SLUGS for lang in LANGS}
    run(pages)  # the made-up site passes
    pages[(slug, "es")] = made_up_page("es", **breakage)
    with pytest.raises(AssertionError) as failure:
        run(pages)
    assert url_of(slug, "es") in str(failure.value) and shown in str(failure.value), str(failure.value)
