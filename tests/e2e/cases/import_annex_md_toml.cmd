import tests/fixtures/import/annex.md --format toml
