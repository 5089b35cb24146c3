"""What a language tag looks like: BCP 47's language, then subtags (`pt-BR`, `zh-Hans-CN`), or as WordPress writes
its locales (`pt_BR`). Here, apart from the words, as the configuration checks the site's language with it and
must not import the converter to do so."""

from __future__ import annotations

import re

TAG = re.compile(r"[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*", re.IGNORECASE)
