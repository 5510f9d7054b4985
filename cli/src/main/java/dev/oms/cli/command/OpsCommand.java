package dev.oms.cli.command;

import picocli.CommandLine.Command;

@Command(name = "ops", mixinStandardHelpOptions = true, description = "Look at the running system's queues.",
        subcommands = {OpsLagCommand.class})
public class OpsCommand extends CommandGroup {
}
