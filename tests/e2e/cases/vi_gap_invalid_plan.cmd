gap --lang vi tests/fixtures/plans/bad_dangling_reference.yaml
