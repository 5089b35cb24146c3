"""What in a post's address and text names the day or month it was made, where it was saved without its date:
the date of a permalink, and WordPress's upload folder of the month a picture was added. Read by the copies' and
the exports' readers, and by the stand-in dates of convert/stand_in_dates.py."""

from __future__ import annotations

import re

# A permalink's date (`/%year%/%monthnum%/%day%/`), or its year and month alone (`/%year%/%monthnum%/`).
ADDRESS_DATE = re.compile(r"/((?:19|20)[0-9]{2})/(0[1-9]|1[0-2])/(?:(0[1-9]|[12][0-9]|3[01])/)?")
# WordPress's upload folder of a month, as a picture's address holds it.
UPLOAD_MONTH = re.compile(r"/wp-content/uploads/(?:sites/[0-9]+/)?((?:19|20)[0-9]{2})/(0[1-9]|1[0-2])/")
