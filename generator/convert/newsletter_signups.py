"""Newsletter sign-up and donation boxes, which go whole.

A news post often carries a box that asks for the reader's email (`<div class="newsletter-signup"><h3>Get the
morning briefing</h3><form action="https://….list-manage.com/subscribe/post">…</form></div>`, Mailchimp for WP's,
MailPoet's, Jetpack's subscription block). drop_forms keeps a form's words, which may be a questionnaire's; but a
sign-up box's are only its request ("Enter your email", "Join 20,000 readers"), and its heading, left over the
post's next paragraph, read as that paragraph's title. The box goes with its form, and so does a heading that
introduces the box alone (its section holds nothing else).

A nonprofit newsroom's donation box is such a box: Newspack's donate block (`<div class="wp-block-newspack-blocks-donate
wpbnbd …"><form>`), GiveWP's and Charitable's forms, a PayPal donate button. Its form's words are its choices
("One-time", "Monthly", "$15", "Other", "Donation amount per month") and its thanks ("Your contribution is
appreciated."), which stood in the story as a line of labels; the mirror cannot take a donation.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, PageElement, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements
from generator.convert.widgets import FORM_HIDDEN_STYLE

# What names a sign-up form: its plugin's or service's name in its class, id or address, or the words themselves.
SIGNUP_MARK = re.compile(r"newsletter|subscri|sign-?up|mailchimp|mc4wp|mailpoet|list-manage|mailerlite|convertkit"
                         r"|sendinblue|brevo|optin|tnp-|substack|buttondown|campaign-monitor|createsend", re.IGNORECASE)
# What names a donation form, in its or its boxes' classes, id or address: the word, Newspack's donate block's own
# class (`wpbnbd`), GiveWP's and Charitable's forms, PayPal's donate page.
DONATION_MARK = re.compile(r"donat|wpbnbd|give-form|charitable-form|paypal\.com/donate", re.IGNORECASE)
# PayPal's checkout, where a "Buy Now" or "Pay" button's form sends its hidden fields (WP Easy PayPal Payment
# Accept's, a pasted button's), whose label ("Pay with Paypal:") stood over nothing: the mirror takes no payment
# either. One that offers choices (a membership's levels and their prices) keeps them, as drop_forms keeps a
# select's: they are what the reader came to read.
CHECKOUT = re.compile(r"paypal\.com/cgi-bin/webscr", re.IGNORECASE)
TEXT_TYPES = frozenset({"", "text", "email", "tel", "name"})
MOST_FIELDS = 3  # an email with a first and last name; a form asking more is no sign-up
MOST_BOX_WORDS = 40  # the words around the form in its box: a heading and a line of invitation
LABEL_WORDS = 4  # a payment button's label beside it
MOST_BESIDE = 12  # the nodes beside the form or the box so far: a heading, a line, a note and the spaces between
SHOWN_MEDIA = ("img", "picture", "video", "audio", "iframe", "table")
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def drop_newsletter_signups(soup: BeautifulSoup, ctx: Context) -> None:
    for form in list(elements(soup, "form")):
        if form.parent is None or form.__dict__.get("_decomposed"):  # gone with a box
            continue
        if not (_is_signup(form) or _is_donation(form) or _is_checkout(form)):
            continue
        ctx.losses.note(loss.FORM, str(form.get("action", "")))
        if _is_checkout(form) and not _is_donation(form):
            _empty(_box(form, LABEL_WORDS, None))  # a button among a shop's words: they stay
            continue
        box = _box(form)
        heading = _introduced_by(box)
        for emptied in (box, heading) if heading is not None else (box,):
            _empty(emptied)


def _empty(tag: Tag) -> None:
    """The tag made an empty `<div>`, which shows nothing: taken out of a parent of thousands of children, each
    would have been looked for among them."""
    tag.clear()
    tag.name, tag.attrs = "div", {}


def _is_signup(form: Tag) -> bool:
    """A form that asks an email address and little else, and says it subscribes (in its or its boxes' names)."""
    if form.find(["textarea", "select"]) is not None:
        return False
    fields = [field for field in form.find_all("input")
              if str(field.get("type", "")).lower() in TEXT_TYPES and not _bot_trap(field, form)]
    emails = [field for field in fields
              if str(field.get("type", "")).lower() == "email" or "mail" in str(field.get("name", "")).lower()]
    if not emails or len(fields) > MOST_FIELDS:
        return False
    return bool(SIGNUP_MARK.search(_names(form)) or SIGNUP_MARK.search(form.get_text(" ")))


def _bot_trap(field: Tag, form: Tag) -> bool:
    """A field no person sees or reaches, which only a bot fills in: Mailchimp's embedded form has one (`<div
    style="position: absolute; left: -5000px;" aria-hidden="true"><input name="b_…" tabindex="-1">`), which made
    its sign-up with a first and a last name four fields, too many for one, and left its labels ("Email Address",
    "First Name (optional)") standing as lines of the page."""
    if str(field.get("tabindex", "")).strip() == "-1":
        return True
    for box in (field, *field.parents):
        if box is form or not isinstance(box, Tag):
            return False
        if FORM_HIDDEN_STYLE.search(str(box.get("style") or "")) or str(box.get("aria-hidden", "")) == "true":
            return True
    return False


def _is_donation(form: Tag) -> bool:
    """A form that says in its or its boxes' names that it takes donations, and asks no message (as a contact
    form or a questionnaire, whose words are the reader's to see, would)."""
    return form.find("textarea") is None and bool(DONATION_MARK.search(_names(form)))


def _is_checkout(form: Tag) -> bool:
    """A payment button's form: PayPal's checkout, with nothing to choose."""
    return bool(CHECKOUT.search(str(form.get("action") or ""))) and form.find(["select", "textarea"]) is None


def _names(form: Tag) -> str:
    """The classes, ids and addresses of the form and of the three boxes around it."""
    boxes = [form, *list(form.parents)[:3]]
    return " ".join(" ".join([*(box.get("class") or ()), str(box.get("id", "")), str(box.get("action", ""))])
                    for box in boxes if isinstance(box, Tag))


def _box(form: Tag, most_words: int = MOST_BOX_WORDS, most_beside: int | None = MOST_BESIDE) -> Tag:
    """The largest box around the form that holds nothing else but a few words (its heading and invitation; with
    LABEL_WORDS, a label: "Pay with Paypal:") in a few elements beside it, and no picture, frame or table."""
    box = form
    while isinstance(box.parent, Tag) and box.parent.parent is not None:
        if most_beside is not None and len(box.parent.contents) > most_beside + 1:
            break
        beside = [child for child in box.parent.contents if child is not box]
        if _words(beside) > most_words or any(
                isinstance(child, Tag) and (child.name in SHOWN_MEDIA or child.find(SHOWN_MEDIA) is not None)
                for child in beside):
            break
        box = box.parent
    return box


def _words(nodes: list[PageElement]) -> int:
    """The words of the nodes, counted only as far as one past MOST_BOX_WORDS."""
    count = 0
    for node in nodes:
        for text in (node.strings if isinstance(node, Tag) else (node,)):
            count += len(str(text).split())
            if count > MOST_BOX_WORDS:
                return count
    return count


def _introduced_by(box: Tag) -> Tag | None:
    """The heading just before the box, when the box is all its section holds (a heading or nothing follows)."""
    before, after = box.find_previous_sibling(True), box.find_next_sibling(True)
    if not isinstance(before, Tag) or before.name not in HEADINGS or _text_between(before, box):
        return None
    return before if after is None or after.name in HEADINGS else None


def _text_between(before: Tag, box: Tag) -> bool:
    node = before.next_sibling
    while node is not None and node is not box:
        if not isinstance(node, Tag) and str(node).strip():
            return True
        node = node.next_sibling
    return False
