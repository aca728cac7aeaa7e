"""Unit layer: plain modules of the app, imported without a Frappe site."""

import sys
from pathlib import Path

APP_ROOT = Path(__file__).resolve().parents[1]
PACKAGE = APP_ROOT / "mehrwert_quartier"
sys.path.insert(0, str(APP_ROOT))
