import CharterCLI

CharterCommand.main()
