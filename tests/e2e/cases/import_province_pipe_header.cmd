import tests/fixtures/import/province_pipe_header.md
