"""Store tests run on SQLite and on PostgreSQL (see bot.store.testing)."""
from bot.store.testing import make_store_url_fixtures

store_url, store_templates = make_store_url_fixtures()
