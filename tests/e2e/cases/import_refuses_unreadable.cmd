import tests/fixtures/import/annex_bidi_control.md
