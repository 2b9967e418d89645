import tests/fixtures/import/annex_tsv.txt -q
