validate --lang vi --format json tests/fixtures/plans/bad_duplicate_id.yaml
