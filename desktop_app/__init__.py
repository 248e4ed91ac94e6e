"""NewsGold: a desktop annotation tool for news (entities, quotes with speakers, events)."""

__version__ = "0.1.0"
APP_NAME = "NewsGold"
APP_ID = "org.newsgold.NewsGold"
