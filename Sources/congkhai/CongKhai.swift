import ArgumentParser

@main
struct CongKhai: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "congkhai",
        abstract: "Publish a commune's public disclosures (công khai thông tin) and prove they stayed posted.",
        discussion: """
        Reads records (Markdown with YAML front matter) from Content/ and checks them against the
        legal timing rules, or builds the static portal into Site/.
        """,
        version: CongKhaiVersion.current,
        subcommands: [CheckCommand.self, BuildCommand.self, ServeCommand.self, ImportCommand.self, NewCommand.self, PublishCommand.self, MinutesCommand.self],
        defaultSubcommand: nil
    )
}

enum CongKhaiVersion {
    static let current = "0.1.0"
}
