intake --lang vi tests/fixtures/tables/pgi-2024.csv examples/lang-son-2024
