update t2 --plan tests/fixtures/tracking/update-plan --status finished --by so-b --dry-run --lang vi
