package dev.oms.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** What the deployment tests share: the repository's paths, the services' own config, and running a tool. */
final class DeployFiles {

    /** The six services, by module name; each is also its image, container and Kubernetes name. */
    static final List<String> SERVICES = List.of("import-service", "order-service", "payment-service",
            "refund-service", "notification-service", "analytics-service");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private DeployFiles() {
    }

    /** The repository root: Maven runs the module's tests in {@code deploy/}. */
    static Path root() {
        return Path.of("").toAbsolutePath().getParent();
    }

    /** A service's {@code src/main/resources/application.properties}, as the service reads it. */
    static Properties applicationProperties(String service) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(
                root().resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Every document of a YAML stream ({@code ---} separated), empty documents left out. */
    static List<JsonNode> yamlDocuments(String yaml) {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode node = values.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs a tool from the repository root and returns what it printed on stdout; fails with its stderr when it exits
     * non-zero, and says how to get it when it is missing.
     */
    static String run(String... command) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("deploy-test", ".out");
            err = Files.createTempFile("deploy-test", ".err");
            Process process;
            try {
                process = new ProcessBuilder(command).directory(root().toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            } catch (IOException e) {
                throw new AssertionError(command[0] + " is not installed: ./oms test installs docker-compose where it"
                        + " may and says how to get kubectl", e);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + ":\n"
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            file.toFile().delete();
        }
    }
}
