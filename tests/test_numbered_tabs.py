"""Tabs that name their panel by its number or by the panel's `aria-labelledby` (convert/tabs.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.markdown import html_to_markdown

WORD = st.from_regex(r"[A-Z][a-z]{3,9}", fullmatch=True)


def kadence(pairs: list[tuple[str, str]]) -> str:
    titles = "".join(f'<li id="tab-{n}" class="kt-title-item kt-title-item-{n}"><a href="#tab-{n}" data-tab="{n}" '
                     f'class="kt-tab-title kt-tab-title-{n}"><span class="kt-title-text">{label}</span></a></li>'
                     for n, (label, _) in enumerate(pairs, 1))
    panels = "".join(f'<div class="wp-block-kadence-tab kt-inner-tab-{n}"><p>{text}</p></div>'
                     for n, (_, text) in enumerate(pairs, 1))
    return (f'<div class="wp-block-kadence-tabs"><ul class="kt-tabs-title-list">{titles}</ul>'
            f'<div class="kt-tabs-content-wrap">{panels}</div></div>')


def spectra(pairs: list[tuple[str, str]]) -> str:
    titles = "".join(f'<li class="uagb-tab" role="none"><a href="#uagb-tabs__tab{n}" data-tab="{n}" role="tab">'
                     f'<div>{label}</div></a></li>' for n, (label, _) in enumerate(pairs))
    panels = "".join(f'<div class="uagb-tabs__body-container uagb-inner-tab-{n}" aria-labelledby="uagb-tabs__tab{n}">'
                     f'<p>{text}</p></div>' for n, (_, text) in enumerate(pairs))
    return (f'<div class="wp-block-uagb-tabs"><ul class="uagb-tabs__panel" role="tablist">{titles}</ul>'
            f'<div class="uagb-tabs__body-wrap">{panels}</div></div>')


@settings(max_examples=80, deadline=None)
@given(st.sampled_from([kadence, spectra]),
       st.lists(st.tuples(WORD.map(lambda w: f"{w}Tab"), WORD.map(lambda w: f"{w} sails at noon.")), min_size=1,
                max_size=5,
                unique_by=lambda pair: pair[0]))
def test_each_panel_opens_with_its_label_once(shape, pairs: list[tuple[str, str]]) -> None:
    markdown = html_to_markdown(shape(pairs))
    assert "](#" not in markdown
    for label, text in pairs:
        assert markdown.count(label) == 1  # no label holds another: each is a capital, small letters and "Tab"
        assert markdown.index(label) < markdown.index(text)


def test_many_numbered_links_without_panels_convert_in_linear_time() -> None:
    """Each tab known by its number looks for its panel among the elements so named, read once for the post."""
    import time
    links = "".join(f'<div><div><div><p><a href="/p{n}/" data-tab="{n % 999}">Part {n}</a></p></div></div></div>'
                    for n in range(3000))
    start = time.perf_counter()
    markdown = html_to_markdown(f"<div>{links}</div>")
    assert "Part 2999" in markdown and time.perf_counter() - start < 10
