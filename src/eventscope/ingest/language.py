"""Is this text English? A function-word count, with no model to load.

News prose in any language is dense with its function words ("the", "of", "and"... run at
roughly 35-45% of English tokens), while names, numbers and headlines carry few. A text is
English when at least ``EN_MIN_RATIO`` of its first ``SAMPLE_WORDS`` words are English function
words. Text mostly in a non-Latin script is named by its script; other Latin-script languages
are guessed from their own function words, best effort.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

SAMPLE_WORDS = 200
EN_MIN_RATIO = 0.08
MIN_WORDS = 5  # fewer words than this: no opinion

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the of and to a in is was for on that with as by at from it its his her their he she they "
        "we our this these those an be been were are has have had not but or which who said after "
        "into over than also will would could there when while about more"
    ),
    "fr": _words(
        "le la les des du de un une et est dans pour que qui sur par au aux avec ce cette il elle "
        "ils ont sont pas été"
    ),
    "es": _words("el la los las de del y en un una que es por con para se su al lo como más fue han sus"),
    "de": _words(
        "der die das und ist nicht ein eine zu den von mit sich des auf für im dem sie es wurde auch bei nach"
    ),
    "it": _words("il lo la gli le di del della che è un una per con non sono nel alla da"),
    "pt": _words("o os as da do das dos em um uma que é com para por não no na foi mais"),
    "nl": _words("de het een en van is dat op te zijn niet met voor die aan er werd ook"),
    "tr": _words("ve bir bu da de için ile olarak olan çok daha gibi ama ancak"),
    "id": _words("yang dan di dari ini itu dengan untuk pada tidak dalam akan ke oleh"),
}

# Unicode script (the first word of a character's name) -> the usual language code.
_SCRIPTS = {
    "ARABIC": "ar",
    "CYRILLIC": "ru",
    "CJK": "zh",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "HANGUL": "ko",
    "HEBREW": "he",
    "GREEK": "el",
    "DEVANAGARI": "hi",
    "BENGALI": "bn",
    "THAI": "th",
    "ARMENIAN": "hy",
    "GEORGIAN": "ka",
    "ETHIOPIC": "am",
    "TAMIL": "ta",
}

LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "tr": "Turkish",
    "id": "Indonesian",
    "ar": "Arabic script",
    "ru": "Cyrillic script",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "he": "Hebrew",
    "el": "Greek",
    "hi": "Devanagari script",
    "bn": "Bengali",
    "th": "Thai",
    "hy": "Armenian",
    "ka": "Georgian",
    "am": "Ethiopic script",
    "ta": "Tamil",
}


def detect_language(text: str) -> str | None:
    """ "en", another best-guess ISO 639-1 code, or ``None`` when the text is too short or unclear."""
    script = _dominant_script(text)
    if script is not None and script != "LATIN":
        return _SCRIPTS.get(script)
    words = [w.casefold() for w in _WORD.findall(text)[:SAMPLE_WORDS]]
    if len(words) < MIN_WORDS:
        return None
    ratios = {
        lang: sum(word in vocab for word in words) / len(words) for lang, vocab in _FUNCTION_WORDS.items()
    }
    if ratios["en"] >= EN_MIN_RATIO and ratios["en"] >= max(ratios.values()):
        return "en"
    best = max(ratios, key=lambda lang: ratios[lang])
    return best if ratios[best] >= EN_MIN_RATIO else None


def language_name(code: str) -> str:
    """A readable name for error messages."""
    return LANGUAGE_NAMES.get(code, code)


def _dominant_script(text: str) -> str | None:
    """The script of most letters in the first few thousand characters."""
    sample = text[:4000]
    if sample.isascii():  # most news text: no need to name each letter's script
        return "LATIN" if _ASCII_LETTER.search(sample) else None
    counts: Counter[str] = Counter()
    for char in sample:
        if char.isalpha():
            name = unicodedata.name(char, "")
            counts[name.split(" ", 1)[0] if name else "UNKNOWN"] += 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]
