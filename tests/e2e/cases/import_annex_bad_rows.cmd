import tests/fixtures/import/annex_bad_rows.md
