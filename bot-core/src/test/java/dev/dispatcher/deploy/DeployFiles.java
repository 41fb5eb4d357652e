package dev.dispatcher.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dispatcher.testkit.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files under {@code deploy/}, parsed: YAML documents (several per file in Kubernetes manifests) and plain text. */
final class DeployFiles {

    private static final YAMLMapper YAML = new YAMLMapper();

    private DeployFiles() {}

    static Path deploy() {
        return Repository.root().resolve("deploy");
    }

    static String text(String relative) {
        try {
            return Files.readString(deploy().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode compose() {
        List<JsonNode> documents = documents(deploy().resolve("compose.yaml"));
        if (documents.size() != 1) {
            throw new IllegalStateException("compose.yaml must hold one YAML document, has " + documents.size());
        }
        return documents.get(0);
    }

    /** Every Kubernetes object in {@code deploy/k8s/*.yaml}, in file order. */
    static List<JsonNode> kubernetesObjects() {
        List<JsonNode> objects = new ArrayList<>();
        kubernetesFiles().forEach(file -> objects.addAll(documents(file)));
        return objects;
    }

    static List<Path> kubernetesFiles() {
        try (Stream<Path> files = Files.list(deploy().resolve("k8s"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> ofKind(String kind) {
        return kubernetesObjects().stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    static JsonNode named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in deploy/k8s"));
    }

    /** The containers of a Deployment's pod template. */
    static List<JsonNode> containers(JsonNode deployment) {
        List<JsonNode> containers = new ArrayList<>();
        deployment.path("spec").path("template").path("spec").path("containers").forEach(containers::add);
        return containers;
    }

    /**
     * The container port a probe or Service names, by number or by port name.
     *
     * @return the port number, or -1 when the name matches no port of the container
     */
    static int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asText().equals(port.asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        return -1;
    }

    /** A container's {@code env} entry by name, or a missing node. */
    static JsonNode env(JsonNode container, String name) {
        for (JsonNode entry : container.path("env")) {
            if (entry.path("name").asText().equals(name)) {
                return entry;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static List<JsonNode> documents(Path file) {
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            while (it.hasNextValue()) {
                JsonNode document = it.nextValue();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }
}
