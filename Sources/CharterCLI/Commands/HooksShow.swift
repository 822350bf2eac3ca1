import ArgumentParser

struct HooksShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one of charter's hook scripts, to install it by hand.",
        discussion: """
        For servers and hook managers that keep hooks elsewhere, e.g. \
        'charter hooks show pre-receive > custom_hooks/pre-receive.d/charter' on GitLab.
        """
    )

    @Argument(help: ArgumentHelp("pre-commit, commit-msg, pre-push or pre-receive.", valueName: "hook"))
    var hook: HookName

    func run() throws {
        Terminal.write(hook.script)
    }
}
