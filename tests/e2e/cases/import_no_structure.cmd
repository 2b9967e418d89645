import tests/fixtures/import/no_structure.txt
