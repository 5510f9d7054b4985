package dev.oms.cli.command;

import picocli.CommandLine.Command;

@Command(name = "analytics", mixinStandardHelpOptions = true, description = "Check analytics against the services, or rebuild it from the event topics.",
        subcommands = {AnalyticsVerifyCommand.class, AnalyticsRebuildCommand.class})
public class AnalyticsCommand extends CommandGroup {
}
