package dev.oms.cli.command;

import picocli.CommandLine.Command;

@Command(name = "analytics", mixinStandardHelpOptions = true, description = "Check analytics against the services.",
        subcommands = {AnalyticsVerifyCommand.class})
public class AnalyticsCommand extends CommandGroup {
}
