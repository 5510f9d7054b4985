package dev.oms.cli.command;

import picocli.CommandLine.Command;

@Command(name = "products", mixinStandardHelpOptions = true, description = "Load and list the product catalog.",
        subcommands = {ProductsLoadCommand.class, ProductsListCommand.class})
public class ProductsCommand extends CommandGroup {
}
