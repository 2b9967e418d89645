gap tests/fixtures/plans/good_lang_son_2024_rank_targets.yaml --table tests/fixtures/tables/pgi-2024.csv --table tests/fixtures/tables/pgi-2023.csv -f json --lang en
