import CharterCLI

Charter.runAsMain()
