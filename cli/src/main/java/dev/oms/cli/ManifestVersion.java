package dev.oms.cli;

import picocli.CommandLine.IVersionProvider;

/** The version the build wrote into the jar's manifest. */
public class ManifestVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = OmsCli.class.getPackage().getImplementationVersion();
        return new String[] {"oms " + (version == null ? "(development build)" : version)};
    }
}
