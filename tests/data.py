"""Shared constants for tests, so tests read as prose."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
SEED_ID = "000_6655412ea27c3016"
SEED_FILE = SEEDS_DIR / f"{SEED_ID}.txt"
SEED_SHA256 = "c315c62e874ad8532d7e954866f033f54b7469bd574391d78abd4cfbaeb51a7f"
DATA_DIR = Path(__file__).resolve().parent / "data"

MITOXANTRONE = "CHEBI:50729"
DACLIZUMAB = "DRUGBANK:DB00111"
CLADRIBINE = "DRUGBANK:DB00242"
NK_CELL = "CL:0000623"
T_CELL = "CL:0000084"
MULTIPLE_SCLEROSIS = "MONDO:0005301"
