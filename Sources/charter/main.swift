import CharterCLI

Charter.main()
