import CharterCLI

// The hooks' two commands first: they skip ArgumentParser's command tree (HookEntry).
HookEntry.runIfHookCommand(Array(CommandLine.arguments.dropFirst()))
Charter.runAsMain()
