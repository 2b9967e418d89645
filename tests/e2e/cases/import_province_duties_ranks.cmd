import tests/fixtures/import/province_duties_ranks.txt
