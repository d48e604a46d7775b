from bot.store.testing import make_store_url_fixtures

store_url, store_templates = make_store_url_fixtures()
