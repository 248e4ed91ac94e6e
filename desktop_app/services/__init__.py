"""Use cases shared by the CLI and the GUI: import, pre-annotate, export, stats, demo."""
