package dev.oms.cli.command;

import picocli.CommandLine.Command;

@Command(name = "notifications", mixinStandardHelpOptions = true, description = "Look at the notifications sent.",
        subcommands = {NotificationsReportCommand.class})
public class NotificationsCommand extends CommandGroup {
}
