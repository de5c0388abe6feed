"""While a package's log is converted, the temporary tables get a page cache that holds the card
map whole (its lookups come at random, in time order); the connection's own setting comes back
afterwards (SQLite's default, the size main has), after a cancelled import too."""
import pytest

from heatcards.errors import CancelledError
from heatcards.formats.apkg import read_package
from heatcards.storage import anki_collection

from .test_transfer_sql import SPREAD_TIMES, studied_package


def temp_cache_size(collection) -> int:
    return collection.store.db.conn.execute("PRAGMA temp.cache_size").fetchone()[0]


def own_cache_size(collection) -> int:
    return collection.store.db.conn.execute("PRAGMA main.cache_size").fetchone()[0]


def test_the_card_map_cache_lasts_as_long_as_the_log_conversion(collection, tmp_path, monkeypatch):
    monkeypatch.setattr(anki_collection, "REVLOG_SLICE_ROWS", 5)
    path = studied_package(collection, tmp_path / "p.apkg", SPREAD_TIMES)
    before = own_cache_size(collection)
    during = []

    def watch(stage, done, total):
        if stage == "reviews" and 0 < done < total:
            during.append(temp_cache_size(collection))

    assert collection.import_exchange(read_package(path, collection.calendar), progress=watch)[0].reviews_added == 24
    assert during and set(during) == {-anki_collection._CARD_MAP_CACHE_KIB} != {before}
    assert temp_cache_size(collection) == before


def test_a_cancelled_import_gives_the_cache_setting_back(collection, tmp_path, monkeypatch):
    monkeypatch.setattr(anki_collection, "REVLOG_SLICE_ROWS", 5)
    path = studied_package(collection, tmp_path / "p.apkg", SPREAD_TIMES)
    before = own_cache_size(collection)

    def cancel_halfway(stage, done, total):
        if stage == "reviews" and 0 < done < total:
            raise CancelledError("cancelled")

    with pytest.raises(CancelledError):
        collection.import_exchange(read_package(path, collection.calendar), progress=cancel_halfway)
    assert temp_cache_size(collection) == before and collection.store.review_count() == 0
