rank tests/fixtures/plans/good_lang_son_2024_rank_targets.yaml --table tests/fixtures/tables/pgi-2023.csv --table tests/fixtures/tables/pgi-2024.csv -f csv --csv-dialect excel-vi
