"""Importers and exporters: files in, labelled datasets out.  No Qt here."""
