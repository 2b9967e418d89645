import tests/fixtures/import/header_only.txt
