import tests/fixtures/import/invalid_utf8.txt
