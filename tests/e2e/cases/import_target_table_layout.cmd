import tests/fixtures/import/target_table_layout.txt
