"""Store tests run on SQLite and on PostgreSQL (see bot.store.testing)."""
from bot.store.testing import make_store_url_fixture

store_url = make_store_url_fixture()
