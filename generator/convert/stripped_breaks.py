"""Line breaks a script wrote as `rn`, having stripped the backslashes of `\\r\\n`.

A script that saved a site's `post_content` from an escaped string kept the letters of each Windows line break:
"a lovely day!rnrnThese parcels…", `</div>rn</div>`. WordPress makes paragraphs of the blank lines those breaks
were, so the page ran every paragraph into one with `rnrn` between them (16 posts of one set). "rn" is common
inside words (turn, learnt, modern), so only a body that shows the fault beyond doubt is mended (it holds no line
break of its own, and `rnrn` after a tag or a sentence's end, or `rn` between two tags); there a run after a consonant,
where no word has it (thanksrnrn, Thursdayrn), is all line breaks, and one after a vowel keeps the `rn` of a word
that holds it (learnt) or ends in it (turn, modern): that which the body's other words show, else the one that
leaves the breaks in pairs, as paragraphs are apart.
"""

from __future__ import annotations

import re
import unicodedata

# A line break's letters where no word can hold them: after a tag, a sentence's end or a space, or between tags.
SURE = re.compile(r"(?:[>\].!?]|&nbsp;)(?:rn){2,}(?:[<\[&A-Z]|$)|>rn<")
RUN = re.compile(r"(?:rn)+")
VOWELS = frozenset("aeiouAEIOU")
WORD_END = re.compile(r"[^\W\d_]+\Z")  # the letters a text ends in


def restored_breaks(content: str) -> str:
    """`content` with the `rn` of each stripped line break a line break again, where it shows the fault."""
    if "\n" in content or "\r" in content or not SURE.search(content):
        return content
    return RUN.sub(lambda run: _break(run, content), content)


def _break(run: re.Match[str], content: str) -> str:
    """The line breaks of one run of `rn`, but for the `rn` that the word before it ends in or holds."""
    stem = WORD_END.search(content, 0, run.start())
    after = content[run.end():run.end() + 1]
    pairs = len(run.group()) // 2
    if stem is None or _base(stem.group()[-1]) not in VOWELS:
        return "\n" * pairs  # after a tag, a sign or a consonant, where no word has `rn` (thanksrnrn, Thursdayrn)
    if pairs == 1 and after.isalpha() and after.islower():
        return run.group()  # learnt, Bernard
    word = stem.group()
    if _seen(word + "rn", content) != _seen(word, content):
        kept = 1 if _seen(word + "rn", content) else 0  # the body's own words tell `modern` from `we`
    else:
        kept = pairs % 2  # breaks come in pairs between paragraphs: turn + 2 of them, we + 2, modern + 1
    return "rn" * kept + "\n" * (pairs - kept)


def _seen(word: str, content: str) -> bool:
    """Whether `word` stands as a whole word somewhere in `content`."""
    return re.search(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", content, re.IGNORECASE) is not None


def _base(letter: str) -> str:
    """A letter without its accents (ø stays ø)."""
    return unicodedata.normalize("NFD", letter)[0]
