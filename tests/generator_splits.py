"""What the scan generator's split tests share: the keys every truth file has, the templates the
older splits drew before a newer split existed, and helpers to read files and specs back."""

from __future__ import annotations

import hashlib
import json
import random
import re

from sample_scans.synth.assemble import random_spec

TRUTH_KEYS = {"municipality", "register_number", "parcels", "date", "entries", "is_baulast", "sheet_page", "pages",
              "layout", "quality", "format", "split", "distractors", "notes"}
ENTRY_KEYS = {"lfd_nr", "type", "registered_on", "deleted_on"}
PARCEL_KEYS = {"gemarkung", "flur", "flurstueck"}

# Recorded before the newer splits existed: templates of the first random files per split/seed.
TUNING_SEED_11 = ("cp_b mg_b mg_a dm_a dm_a tw_b dm_a tw_a dm_a mg_b tw_b mg_a tw_a cp_b dm_a mg_a mg_a mg_a mg_b "
                  "cp_a mg_a mg_b cp_b mg_a cp_a cp_b tw_b tw_b tw_b cp_a").split()
HELDOUT_SEED_7 = "mg_h cp_h dm_h tw_h mg_h mg_h cp_h cp_h mg_h cp_h".split()
HELDOUT2_SEED_3 = "cp_k tw_k tw_k dm_k mg_k tw_k tw_k tw_k dm_k tw_k".split()


def truth_of(path) -> dict:
    return json.loads(path.with_name(path.stem + ".truth.json").read_text(encoding="utf-8"))


def template_of(truth: dict) -> str:
    return re.search(r"\[template (\w+)\]", truth["notes"]).group(1)


def spec_templates(split: str, seed: int, count: int) -> list[str]:
    rng = random.Random(f"specs:{split}:{seed}")  # as generate() draws its specs
    return [random_spec(rng, split, i + 1).template for i in range(count)]


def digest(paths) -> dict[str, str]:
    out = {}
    for p in paths:
        for f in (p, p.with_name(p.stem + ".truth.json")):
            out[f.name] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out
