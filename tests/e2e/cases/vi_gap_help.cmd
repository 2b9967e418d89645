gap --help --lang vi
