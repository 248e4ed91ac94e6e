"""The names ``newsgold import --format`` accepts, apart from the readers themselves.

The command line lists them every time it builds its parser, also for ``newsgold gui``; importing
:mod:`desktop_app.io.importers` for them would load pydantic and every reader before the window.
"""

FORMATS = ("auto", "txt", "jsonl", "csv", "prodigy", "doccano", "brat", "spacy")
