package dev.oms.cli.command;

import picocli.CommandLine.Command;

@Command(name = "orders", mixinStandardHelpOptions = true, description = "Look at orders.",
        subcommands = {OrdersShowCommand.class, OrdersListCommand.class, OrdersStatsCommand.class})
public class OrdersCommand extends CommandGroup {
}
