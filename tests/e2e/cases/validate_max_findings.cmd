validate tests/fixtures/plans/bad_dangling_reference.yaml --max-findings 2
