"""Geocoding: each mention's place, from the text's toponyms resolved against a gazetteer."""

from conflictdb.geocode.gazetteer import Gazetteer, default_path, gazetteer_ceiling, import_files
from conflictdb.geocode.geocoder import Geocoder

__all__ = ["Gazetteer", "Geocoder", "default_path", "gazetteer_ceiling", "import_files"]
