"""The site's language where the input names none (sources/site_clues.py): a crawl of a Japanese or Arabic
site's public REST API holds neither an export's `<language>` nor /wp/v2/settings, and its mirror spoke English:
`<html lang="en" dir="ltr">`, "Contents", "14 March 2025"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.builder import run_build
from generator.importer import run_import
from generator.sources.site_clues import FUNCTION_WORDS, LanguageClues, seo_language
from generator.store.labels import read_labels
from tests.conftest import rest_item
from tests.site_content import config

# A few lines of news in each language, as a site's posts hold them.
TEXTS = {
    "ja": "東京都は3日、新しい防災計画を発表した。計画では、地震の際に住民が避難できる場所を増やすことが"
          "盛り込まれている。知事は記者会見で「誰もが安心して暮らせる街にしたい」と述べた。",
    "zh": "国家统计局今天发布数据显示，今年前三季度全国居民人均可支配收入比上年同期名义增长百分之五。"
          "专家表示，消费市场总体保持恢复态势，但仍需进一步扩大内需。",
    "zh-Hant": "國家統計局今天發布數據顯示，今年前三季度全國居民人均可支配收入比上年同期名義增長。專家表示，我們這個"
               "時候來說明為什麼消費市場總體保持恢復態勢，但仍需進一步擴大內需。",
    "ko": "서울시는 3일 새로운 대중교통 계획을 발표했다. 시는 버스 노선을 늘리고 지하철 운행 간격을 줄일 "
          "계획이라고 밝혔다. 시장은 기자회견에서 시민들의 출퇴근 시간이 줄어들 것이라고 말했다.",
    "ar": "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة، وقال الوزير إن المستشفى سيخدم أكثر من "
          "مئة ألف مواطن في المنطقة الشمالية، وإن العمل فيه سيبدأ الشهر المقبل.",
    "fa": "وزارت بهداشت امروز از گشایش یک بیمارستان تازه در شهر خبر داد. وزیر گفت این بیمارستان به بیش از "
          "صد هزار نفر در منطقه شمالی خدمت می‌کند و کار آن از ماه آینده آغاز می‌شود.",
    "ur": "وزارت صحت نے آج شہر میں ایک نئے ہسپتال کے افتتاح کا اعلان کیا۔ وزیر نے کہا کہ یہ ہسپتال شمالی "
          "علاقے کے ایک لاکھ سے زیادہ لوگوں کو خدمات فراہم کرے گا اور اگلے مہینے سے کام شروع کرے گا۔",
    "ru": "Министерство здравоохранения сегодня объявило об открытии новой больницы в городе. Министр "
          "сказал, что больница будет обслуживать более ста тысяч жителей северного района, и это событие "
          "станет важным для всех.",
    "uk": "Міністерство охорони здоров'я сьогодні оголосило про відкриття нової лікарні в місті. Міністр "
          "сказав, що лікарня обслуговуватиме понад сто тисяч мешканців північного району, і її робота "
          "розпочнеться наступного місяця.",
    "el": "Το υπουργείο Υγείας ανακοίνωσε σήμερα τη λειτουργία νέου νοσοκομείου στην πόλη. Ο υπουργός είπε "
          "ότι το νοσοκομείο θα εξυπηρετεί περισσότερους από εκατό χιλιάδες κατοίκους.",
    "he": "משרד הבריאות הודיע היום על פתיחת בית חולים חדש בעיר. השר אמר כי בית החולים ישרת יותר ממאה אלף "
          "תושבים באזור הצפוני.",
    "th": "กระทรวงสาธารณสุขประกาศเปิดโรงพยาบาลแห่งใหม่ในเมืองวันนี้ รัฐมนตรีกล่าวว่าโรงพยาบาลจะให้บริการ"
          "ประชาชนมากกว่าหนึ่งแสนคนในภาคเหนือ",
    "hi": "स्वास्थ्य मंत्रालय ने आज शहर में एक नए अस्पताल के उद्घाटन की घोषणा की है। मंत्री ने कहा कि यह "
          "अस्पताल उत्तरी क्षेत्र के एक लाख से अधिक लोगों की सेवा करेगा और इसका काम अगले महीने से शुरू होगा।",
    "es": "El Ministerio de Salud anunció hoy la apertura de un nuevo hospital en la ciudad. El ministro dijo "
          "que el hospital atenderá a más de cien mil vecinos de la zona norte y que las obras también incluyen "
          "una escuela para los hijos de sus trabajadores.",
    "fr": "Le ministère de la Santé a annoncé aujourd'hui l'ouverture d'un nouvel hôpital dans la ville. Le "
          "ministre a dit que l'hôpital est prévu pour plus de cent mille habitants du nord et qu'il sera ouvert "
          "avec une école pour les enfants des employés.",
    "de": "Das Gesundheitsministerium hat heute die Eröffnung eines neuen Krankenhauses in der Stadt angekündigt. "
          "Der Minister sagte, das Krankenhaus werde mehr als hunderttausend Einwohner im Norden versorgen und "
          "ist auch mit einer Schule verbunden.",
    "en": "The health ministry announced the opening of a new hospital in the city today. The minister said that "
          "the hospital will serve more than a hundred thousand residents of the north and that it was built "
          "with a school for the children of its staff.",
    "sv": "Hälsoministeriet meddelade i dag att ett nytt sjukhus ska öppnas i staden. Ministern sa att sjukhuset "
          "kommer att betjäna mer än hundratusen invånare i norr och att det inte blir klart förrän nästa år, men "
          "arbetet har också redan börjat.",
    "da": "Sundhedsministeriet meddelte i dag, at et nyt hospital skal åbne i byen. Ministeren siger, at hospitalet "
          "skal betjene mere end hundrede tusinde indbyggere i den nordlige del af landet, og at arbejdet også "
          "allerede er gået i gang. Hvad det kommer til at koste, er endnu ikke afgjort.",
    "nb": "Helsedepartementet kunngjorde i dag at et nytt sykehus skal åpne i byen. Statsråden sier at sykehuset "
          "skal betjene mer enn hundre tusen innbyggere i nord, og at arbeidet allerede er i gang. Hva det vil "
          "koste, er ennå ikke klart, men det blir mye penger også.",
    "fi": "Terveysministeriö kertoi tänään, että kaupunkiin avataan uusi sairaala. Ministerin mukaan sairaala "
          "palvelee yli sataatuhatta asukasta pohjoisessa, ja myös uusi koulu on tarkoitus rakentaa sen kanssa. "
          "Työt alkavat ensi kuussa, mutta aikataulu ei ole vielä varma.",
    "cs": "Ministerstvo zdravotnictví dnes oznámilo otevření nové nemocnice ve městě. Ministr uvedl, že nemocnice "
          "bude sloužit pro více než sto tisíc obyvatel severní části města a že práce jsou už v plném proudu. "
          "Stavba také není levná, může stát miliardy korun.",
    "sk": "Ministerstvo zdravotníctva dnes oznámilo otvorenie novej nemocnice v meste. Minister povedal, že "
          "nemocnica bude slúžiť pre viac ako stotisíc obyvateľov severnej časti mesta a práce sú už v plnom "
          "prúde. Stavba tiež nie je lacná, môže stáť aj miliardy eur.",
    "ro": "Ministerul Sănătății a anunțat astăzi deschiderea unui nou spital în oraș. Ministrul a spus că spitalul "
          "va deservi peste o sută de mii de locuitori din nord și că lucrările au fost deja începute, dar mai sunt "
          "multe de făcut.",
    "hu": "Az egészségügyi minisztérium ma bejelentette, hogy új kórház nyílik a városban. A miniszter szerint a "
          "kórház több mint százezer északi lakost lát majd el, és a munka már meg is kezdődött, de nem lesz olcsó.",
    "ca": "El Ministeri de Salut ha anunciat avui l'obertura d'un nou hospital a la ciutat. El ministre ha dit que "
          "l'hospital atendrà més de cent mil veïns dels barris del nord, però que les obres amb aquest pressupost "
          "encara no han començat.",
    "hr": "Ministarstvo zdravstva danas je najavilo otvaranje nove bolnice u gradu. Ministar je rekao da će bolnica "
          "služiti za više od sto tisuća stanovnika sjevernog dijela grada, a radovi koji su već počeli trajat će "
          "tijekom cijele godine.",
    "sr-Latn": "Ministarstvo zdravlja danas je najavilo otvaranje nove bolnice u gradu. Ministar je rekao da će "
               "bolnica služiti za više od sto hiljada stanovnika severnog dela grada, a radovi koji su već počeli "
               "trajaće do kraja godine, posle čega će deo opreme stići iz inostranstva.",
    "id": "Kementerian Kesehatan hari ini mengumumkan pembukaan rumah sakit baru di kota itu. Menteri mengatakan "
          "bahwa rumah sakit tersebut bisa melayani lebih dari seratus ribu warga karena wilayah utara belum "
          "memiliki fasilitas yang memadai.",
    "ms": "Kementerian Kesihatan hari ini mengumumkan pembukaan sebuah hospital baharu di bandar itu. Menteri "
          "berkata hospital tersebut boleh memberi perkhidmatan kepada lebih daripada seratus ribu penduduk kerana "
          "kawasan utara tidak mempunyai kemudahan yang mencukupi.",
    "sw": "Wizara ya Afya imetangaza leo kufunguliwa kwa hospitali mpya katika mji huo. Waziri amesema hospitali "
          "hiyo itahudumia zaidi ya wakazi laki moja wa kaskazini, lakini kazi hii pia itachukua muda kwa sababu "
          "ya fedha.",
    "tl": "Inanunsyo ng Kagawaran ng Kalusugan ngayong araw ang pagbubukas ng bagong ospital sa lungsod. Sinabi "
          "ng kalihim na ang ospital ay maglilingkod sa mahigit isang daang libong residente, ngunit hindi pa alam "
          "kung kailan ito matatapos.",
    "bg": "Министерството на здравеопазването обяви днес откриването на нова болница в града. Министърът каза, че "
          "болницата ще обслужва повече от сто хиляди жители на северния район.",
    "sr": "Министарство здравља данас је објавило отварање нове болнице у граду. Министар је рекао да ће болница "
          "служити за више од сто хиљада становника северног дела града, а радови ће почети следећег месеца.",
    "mk": "Министерството за здравство денеска објави отворање на нова болница во градот. Министерот рече дека "
          "болницата ќе опслужува повеќе од сто илјади жители од северниот дел на градот.",
}


def clues(*texts: str, posts: int = 12, **fields: object) -> LanguageClues:
    found = LanguageClues()
    for n in range(posts):
        text = texts[n % len(texts)]
        found.add(rest_item(id=n + 1, title={"rendered": text[:20]}, content={"rendered": f"<p>{text}</p>"}, **fields))
    return found


def guessed(*texts: str, **fields: object) -> str | None:
    guess = clues(*texts, **fields).guess()
    return None if guess is None else guess.tag


def test_the_text_of_posts_names_the_language_it_is_written_in() -> None:
    """Chinese with the script its characters are written in, as browsers choose its glyphs by it."""
    expected = {language: "zh-Hans" if language == "zh" else language for language in TEXTS}
    assert {language: guessed(text) for language, text in TEXTS.items()} == expected


def test_a_script_shared_by_languages_names_none_without_the_letters_that_tell_them_apart() -> None:
    # ј љ њ without Serbian's ђ ћ or Macedonian's ѓ ќ: either language
    serbian = "Министарство здравља данас је објавило отварање нове болнице у граду, рекао је министар вечерас."
    kurdish = "وەزارەتی تەندروستی ئەمڕۆ ڕایگەیاند کە نەخۆشخانەیەکی نوێ لە شارەکەدا دەکرێتەوە بۆ خەڵکی ناوچەکە."
    belarusian = "Міністэрства аховы здароўя сёння абвясціла пра адкрыццё новай бальніцы ў горадзе."
    assert (guessed(serbian), guessed(kurdish), guessed(belarusian)) == (None, None, None)
    assert guessed(TEXTS["bg"], TEXTS["ru"]) is None  # Bulgarian's ъ beside Russian's ы


def test_latin_text_of_two_languages_alike_or_of_one_not_listed_names_none() -> None:
    assert guessed(TEXTS["es"], TEXTS["en"]) is None
    lithuanian = ("Sveikatos apsaugos ministerija šiandien paskelbė, kad mieste bus atidaryta nauja ligoninė, kuri "
                  "aptarnaus daugiau nei šimtą tūkstančių gyventojų.")
    assert guessed(lithuanian) is None
    assert guessed(TEXTS["fr"], posts=1) is None  # too few words to say


@pytest.mark.parametrize("pair", [("da", "nb"), ("cs", "sk"), ("hr", "sr-Latn"), ("id", "ms")])
def test_languages_that_share_their_words_are_named_only_where_the_text_tells_them_apart(pair: tuple) -> None:
    assert guessed(*(TEXTS[language] for language in pair)) is None


@pytest.mark.parametrize("text", [
    # Bosnian (ijekavian, with hiljada): neither Croatian's words nor Serbian's ekavian ones
    "Ministarstvo zdravlja danas je najavilo otvaranje nove bolnice u gradu. Ministar je rekao da će bolnica služiti "
    "za više od sto hiljada stanovnika sjevernog dijela grada, a radovi koji su već počeli trajat će do kraja godine.",
    # Indonesian or Malay: only words both write
    "Kementerian itu akan membuka sebuah hospital baru di kota ini pada tahun depan dengan dana dari pusat, dan "
    "menteri juga berkata tidak ada masalah yang besar dalam pembangunannya.",
    # Danish or Norwegian: only words both write
    "Regeringen og kommunen vil også i år bruge penge til skolerne, og det er ikke første gang, hvis man spørger "
    "borgmesteren, som kun har været i byen et par år.",
])
def test_text_with_only_the_words_two_languages_share_names_none(text: str) -> None:
    assert guessed(text) is None


def test_a_page_builders_attributes_code_and_addresses_are_not_text() -> None:
    """A Divi page of Japanese words holds ten times as many Latin letters in its shortcodes' attributes, its
    `<style>` and its links."""
    builder = ('[et_pb_section fb_built="1" _builder_version="4.9.4" background_color="#E09900" '
               'custom_padding="0px|0px|0px|0px|false|false"][et_pb_row][et_pb_column type="4_4"]'
               '<style>.et_pb_section_0{background-image:linear-gradient(180deg,#fff 0%,#000 100%)}</style>'
               '<a href="https://example.com/wp-content/uploads/background-image-large.jpg">')
    page = builder * 6 + TEXTS["ja"] + "[/et_pb_column][/et_pb_row][/et_pb_section]"
    assert guessed(page) == "ja"


def test_seo_plugins_say_the_sites_language_before_its_text_does() -> None:
    yoast = {"og_locale": "fr_FR", "schema": {"@graph": [{"@type": "WebPage", "inLanguage": "fr-CA"}]}}
    assert seo_language({"yoast_head_json": yoast}) == "fr-CA"  # the site's own tag, before Facebook's locale
    assert seo_language({"yoast_head_json": {"og_locale": "ar_AR"}}) == "ar"  # Facebook's made-up region goes
    assert seo_language({"aioseo_head_json": {"og:locale": "pt_BR"}}) == "pt-BR"
    assert seo_language({"yoast_head": '<meta property="og:locale" content="ru_RU" />'}) == "ru-RU"
    assert seo_language({"yoast_head": '<script type="application/ld+json">{"inLanguage":"vi"}</script>'}) == "vi"
    assert seo_language({"yoast_head_json": {"og_locale": "not a locale"}, "title": "x"}) == ""
    assert guessed(TEXTS["en"], yoast_head_json={"og_locale": "es_ES"}) == "es-ES"


def test_seo_tags_that_disagree_leave_it_to_the_text() -> None:
    found = LanguageClues()
    for n, locale in enumerate(["en_US", "ar_AR"] * 6):
        found.add(rest_item(id=n, content={"rendered": TEXTS["ar"]}, yoast_head_json={"og_locale": locale}))
    guess = found.guess()
    assert guess is not None and guess.tag == "ar" and "written in Arabic" in guess.why


def test_no_word_is_on_two_lists() -> None:
    words = [word for listed in FUNCTION_WORDS.values() for word in listed.split()]
    assert len(words) == len(set(words))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400), st.text(alphabet="<>[]&;:/ \u0627\u0433\u3042a", max_size=400))
def test_any_text_names_a_language_tag_or_none(first: str, second: str) -> None:
    guess = clues(first, second, posts=4).guess()
    assert guess is None or guess.tag.replace("-", "").isalnum()


def crawl(folder: Path, text: str, **fields: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    posts = [rest_item(id=n, slug=f"post-{n}", title={"rendered": text[:12]}, content={"rendered": f"<p>{text}</p>"},
                       **fields) for n in range(1, 9)]
    (folder / "posts.json").write_text(json.dumps(posts), encoding="utf-8")
    return folder


def test_a_crawl_of_a_japanese_site_builds_a_japanese_site(tmp_path: Path) -> None:
    content = tmp_path / "content"
    result = run_import([crawl(tmp_path / "crawl", TEXTS["ja"])], content)
    assert result.problems == []
    assert [note for note in result.notes if "language" in note] == [
        "the site's language is taken to be ja, as no export or /wp/v2/settings names one and most of the posts' "
        "text is written in Japanese; set [site] language to say otherwise"]
    assert read_labels(content)[0].language == "ja"
    assert run_build(config(tmp_path, content)).problems == []
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert '<html lang="ja"' in home and ">ニュースミラー<" in home


@pytest.mark.parametrize(("language", "skip"), [("da", "Gå til indhold"), ("sr", "Пређи на садржај"),
                                              ("sr-Latn", "Pređi na sadržaj")])
def test_a_crawl_of_a_site_in_a_language_the_guess_names_now_speaks_it(tmp_path: Path, language: str,
                                                                       skip: str) -> None:
    """A Danish or Serbian site's crawl built a mirror that said `lang="en"` and "Skip to content"."""
    content = tmp_path / "content"
    run_import([crawl(tmp_path / "crawl", TEXTS[language])], content)
    assert read_labels(content)[0].language == language
    assert run_build(config(tmp_path, content)).problems == []
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert f'<html lang="{language}" dir="ltr"' in home and f">{skip}<" in home


def test_a_crawl_of_an_arabic_site_runs_right_to_left(tmp_path: Path) -> None:
    content = tmp_path / "content"
    run_import([crawl(tmp_path / "crawl", TEXTS["ar"])], content)
    assert run_build(config(tmp_path, content)).problems == []
    assert '<html lang="ar" dir="rtl"' in (tmp_path / "site/index.html").read_text(encoding="utf-8")


def test_a_language_said_or_stored_wins_and_english_is_not_written(tmp_path: Path) -> None:
    content = tmp_path / "content"
    folder = crawl(tmp_path / "crawl", TEXTS["ja"])
    (folder / "settings.json").write_text(json.dumps({"title": "Site", "timezone": "Europe/London", "date_format": "j F Y", "language": "en_GB"}), encoding="utf-8")
    result = run_import([folder], content)
    assert read_labels(content)[0].language == "en-GB" and not [n for n in result.notes if "language" in n]
    (folder / "settings.json").unlink()
    run_import([folder], content)  # what an earlier import stored stays
    assert read_labels(content)[0].language == "en-GB"
    english = tmp_path / "english"
    run_import([crawl(tmp_path / "crawl2", TEXTS["en"])], english)
    assert read_labels(english)[0].language == ""


def test_the_sites_own_title_and_tagline_head_its_mirror(tmp_path: Path) -> None:
    """Every page was headed "News mirror" whatever the site: the title a crawl's `/wp-json/` index names, or
    the Open Graph site name Yoast writes into each post, is the site's own; [site] title still wins."""
    content = tmp_path / "content"
    folder = crawl(tmp_path / "crawl", TEXTS["en"], yoast_head_json={"og_site_name": "Harbour &amp; Gazette"})
    run_import([folder], content)
    assert (read_labels(content)[0].title, read_labels(content)[0].description) == ("Harbour & Gazette", "")
    assert run_build(config(tmp_path, content)).problems == []
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "<title>Harbour &amp; Gazette</title>" in home
    index = {"name": "Harbour Daily", "description": "News &amp; views", "url": "https://example.com",
             "home": "https://example.com", "namespaces": ["wp/v2"], "routes": {}}
    (folder / "wp-json.json").write_text(json.dumps(index), encoding="utf-8")
    run_import([folder], content)  # what the site says replaces what its posts suggested
    labels = read_labels(content)[0]
    assert (labels.title, labels.description) == ("Harbour Daily", "News & views")
    assert run_build(config(tmp_path, content)).problems == []
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "<title>Harbour Daily</title>" in home and "News &amp; views" in home
    assert run_build(config(tmp_path, content, site={"title": "Mirror"})).problems == []
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert "<title>Mirror</title>" in home and "News &amp; views" in home


def test_a_post_types_description_is_no_tagline(tmp_path: Path) -> None:
    content = tmp_path / "content"
    folder = crawl(tmp_path / "crawl", TEXTS["en"])
    (folder / "types.json").write_text(json.dumps({"post": {"description": "", "name": "Posts", "slug": "post",
                                                            "rest_base": "posts", "taxonomies": []},
                                                   "page": {"description": "Static pages", "name": "Pages",
                                                            "slug": "page", "rest_base": "pages",
                                                            "taxonomies": []}}), encoding="utf-8")
    run_import([folder], content)
    assert (read_labels(content)[0].title, read_labels(content)[0].description) == ("", "")


@pytest.mark.parametrize("tagline", ["Just another WordPress site", "Ещё один сайт на WordPress",
                                     "Un site utilisant WordPress", "又一个WordPress站点"])
def test_an_exports_channel_names_the_sites_title_but_not_wordpress_default_tagline(tmp_path: Path,
                                                                                    tagline: str) -> None:
    """WordPress's default tagline, in English or as a translation gave it, is no tagline the owner chose."""
    from tests.test_wxr import export, item
    saved = export(item(1, "Quay", "<p>Text.</p>")).replace(
        "<title>Harbour News</title>", f"<title>Harbour News</title><description>{tagline}</description>")
    (tmp_path / "export.xml").write_text(saved, encoding="utf-8")
    run_import([tmp_path / "export.xml"], tmp_path / "content")
    labels = read_labels(tmp_path / "content")[0]
    assert (labels.title, labels.description) == ("Harbour News", "")
