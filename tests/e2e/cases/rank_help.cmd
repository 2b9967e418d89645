rank --help
