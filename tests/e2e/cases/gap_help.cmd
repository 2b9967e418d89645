gap --help
