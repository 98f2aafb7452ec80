"""The words Baulastenblatt forms use for what they label, across decades and offices.

One office prints "Bemerkungen" over the remarks column, another "Vermerke"; one sheet says
"Eingetragen am", another "Tag der Eintragung" or heads a column "Eintragungsdatum". The
readers look for every wording of a thing, each found despite OCR errors (see
`pipeline.layout.find_labels`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein


@dataclass(frozen=True)
class LabelSet:
    """The wordings of one remark label. A `remark` wording marks an entry's remark even where
    its date is unreadable; a `dated` wording counts only where a date stands by it, as the
    entry prose may use the same words ("mit der Eintragung am Tage ...")."""

    remark: tuple[str, ...]
    dated: tuple[str, ...] = ()
    column: tuple[str, ...] = ()  # wordings that name the date only as the head of a column
    inline: tuple[str, ...] = ()  # wordings that name the date only right before it ("EINTRAGUNG: 15.06.1992")
    second_line: tuple[str, ...] = ()  # a date column's head word only on the head's second line ("Tag d." / "Eintr.")
    # Wordings that label the date below them only in the table's head (its first two rows): "In das
    # Verzeichnis / übernommen am"; in an entry's text the same words date another act.
    head_only: tuple[str, ...] = ()
    # A register program's event list (Datum | Vorgang): the event a date opens, in words that
    # name nothing else ("03.05.2005 Eintragung der Baulast", not "... Eintragung der Änderung").
    event: tuple[str, ...] = ()
    # Words that look like a wording of the label but name something else: a receipt stamp's
    # "EINGEGANGEN" reads much like "Eingetragen".
    lookalikes: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        """Every wording."""
        return self.remark + self.dated


REGISTERED = LabelSet(
    remark=("Eingetragen", "Eingetr.", "Eintragungsdatum"),
    # A stamp's "Eintragung vollzogen" (over "am 05. DEZ. 1971"): the registration done.
    dated=("Eintragungstag", "Tag der Eintragung", "Datum der Eintragung", "Eintragung vom", "Eintragung am",
           "Eintrag am", "Eintrag vom", "Eintragung vollzogen"),
    # A column headed "Eintragung" or "Datum" holds the entries' dates; in the prose these
    # words name other things ("mit der Eintragung", "Datum der Erklärung").
    column=("Eintragung", "Datum", "Eintr.-Datum", "Eingetr.-Datum", "Eintr.-Tag"),
    inline=("Eintragung",),
    second_line=("Eintr.",),
    head_only=("übernommen am",),
    event=("Eintragung", "Eingetragen"),
    lookalikes=("Eingegangen",),
)
DELETED = LabelSet(
    remark=("Gelöscht", "Löschungsdatum", "gel."),  # "gel. 3.2.01" in pen
    dated=("Löschung", "Tag der Löschung", "Datum der Löschung", "Löschungsvermerk"),
    column=("Lösch.-Tag",),  # a register program's print: "LOESCH.-TAG"
    event=("Löschung", "Gelöscht"),
)
# The other words an event of the list may have: what was registered or deleted, and where.
EVENT_WORDS = ("der", "die", "des", "in", "im", "ins", "das", "aus", "dem", "baulast", "baulastenverzeichnis",
               "verzeichnis", "baulastenbuch", "baulastenblatt")
# Folded stems of the words that name another act than registering or deleting, whose date a
# stamp, a margin note or a remark's neighbour gives: a receipt ("Eingegangen", "Posteingang"),
# a check ("Geprüft"), a copy issued ("Abschr. erteilt"), a note taken ("Zur Kenntnis genommen"),
# a file note or follow-up ("Aktenvermerk", "Wiedervorlage"), a print's data state ("Datenstand: 25.08.2022").
OTHER_ACTS = ("eingegangen", "eingang", "posteingang", "gepruft", "abschr", "erteilt", "kenntnis", "aktenvermerk",
              "wiedervorlage", "datenstand")
# Folded stems that name the property's Grundbuch ("Grundbuch von Zons", "Grundb.", "Gb.Bl. 6486"): a sheet
# number after them is the Grundbuch's, no register's.
GRUNDBUCH_STEMS = ("grundb", "gb")


def names_grundbuch(folded: str) -> bool:
    """Whether a folded word names a Grundbuch: it holds "grundbuch" ("Wohnungsgrundbuch", "Erbbaugrundbuch"), or
    begins with it, one letter misread ("Grundhuch", "Qrundbuch")."""
    return "grundbuch" in folded or len(folded) >= 9 and Levenshtein.distance(folded[:9], "grundbuch") <= 1


# The head of the remarks column beside the entry text (dates, signatures).
REMARKS = ("Bemerkungen", "Vermerke", "Vermerk", "Anmerkungen", "Eintragungsvermerk")
# Words of the entries table's head row; two of them make a row the head. A register program's print heads its
# columns in short: "POS | EINTR.-TAG | LOESCH.-TAG | BAULASTART".
TABLE_HEAD = ("Lfd", "Laufende", "Inhalt", "Wortlaut", "Gegenstand", "Eintragung", "Bemerkungen", "Vermerke",
              "Löschung", "Veränderungen", "Eintragungsdatum", "Datum", "Text", "Eingetragen", "Eintr.-Tag",
              "Lösch.-Tag", "Baulastart")
