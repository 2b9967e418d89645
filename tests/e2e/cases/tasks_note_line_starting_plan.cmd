tasks tests/fixtures/classify/pgi.yaml tests/fixtures/classify/note-plan-line.yaml tests/fixtures/classify/note-plan-line.toml --as-of 2025-10-01
