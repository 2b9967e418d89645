import tests/fixtures/import/does_not_exist.txt
