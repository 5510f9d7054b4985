package dev.oms.cli.command;

import dev.oms.cli.OmsCli;
import dev.oms.cli.Service;
import dev.oms.cli.http.ServiceClient;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A command that talks to the services; it writes to picocli's streams so tests can capture the output. */
abstract class ServiceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    OmsCli root() {
        return (OmsCli) spec.root().userObject();
    }

    ServiceClient client(Service service) {
        return root().client(service);
    }
}
