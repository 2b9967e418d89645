validate --lang vi --frobnicate tests/fixtures/plans/good_minimal.yaml
